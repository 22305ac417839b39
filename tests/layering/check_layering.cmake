# Layering check (docs/ARCHITECTURE.md): every quoted include of a component's sources must name
# the component itself or one of the components it may depend on. Run as
#   cmake -DROOT=<source dir> -P check_layering.cmake
# It prints every wrong-way include as file:line and fails if there is one. A new component folder
# under sim/, config/ or analysis/ must be added to the table below (the check fails otherwise).
cmake_minimum_required(VERSION 3.25)
if(NOT DEFINED ROOT)
  message(FATAL_ERROR "usage: cmake -DROOT=<source dir> -P check_layering.cmake")
endif()

# component folder (with its subfolders, e.g. config/detail) -> the components its includes may
# name besides itself. Lowest layers first.
set(layers
  "sim/numeric:"
  "sim/rng:"
  "sim/finance:sim/numeric"
  "sim/stats:"
  "sim/io:"
  "config:sim/rng"
  "sim/model:config,sim/rng,sim/numeric"
  "sim/contract:config,sim/rng,sim/numeric,sim/model,sim/finance"
  "sim/engine:config,sim/rng,sim/numeric,sim/model,sim/contract,sim/finance,sim/stats,sim/io"
  "sim/results:config,sim/rng,sim/numeric,sim/model,sim/contract,sim/finance,sim/stats,sim/engine,sim/io"
  "analysis:sim/numeric,sim/stats,sim/finance,sim/engine,sim/contract,sim/model,sim/rng,sim/io,config"
  "sim/api:config,sim/rng,sim/numeric,sim/model,sim/contract,sim/finance,sim/stats,sim/engine,sim/results,sim/io,analysis"
  "analysis/report:sim/api,analysis,sim/numeric,sim/stats,sim/finance,sim/engine,sim/results,sim/contract,sim/model,sim/rng,sim/io,config"
  "sim/cli:*")
set(components "")
foreach(entry IN LISTS layers)
  string(REPLACE ":" ";" parts "${entry}")
  list(GET parts 0 name)
  list(APPEND components "${name}")
endforeach()

# The component a path (relative to ROOT, without the file name) belongs to: the longest listed
# folder that is a prefix of it.
function(component_of dir out)
  set(best "")
  foreach(c IN LISTS components)
    string(LENGTH "${c}" len)
    string(SUBSTRING "${dir}/" 0 ${len} head)
    if(head STREQUAL c AND (dir STREQUAL c OR dir MATCHES "^${c}/"))
      string(LENGTH "${best}" best_len)
      if(len GREATER best_len)
        set(best "${c}")
      endif()
    endif()
  endforeach()
  set(${out} "${best}" PARENT_SCOPE)
endfunction()

file(GLOB_RECURSE sources RELATIVE "${ROOT}" "${ROOT}/sim/*.?pp" "${ROOT}/config/*.?pp" "${ROOT}/analysis/*.?pp")
set(problems 0)
foreach(file IN LISTS sources)
  get_filename_component(dir "${file}" DIRECTORY)
  component_of("${dir}" from)
  if(from STREQUAL "")
    message("${file}: error: folder '${dir}' is not in the layering table of tests/layering/check_layering.cmake")
    math(EXPR problems "${problems} + 1")
    continue()
  endif()
  set(allowed "")
  foreach(entry IN LISTS layers)
    string(REPLACE ":" ";" parts "${entry}")
    list(GET parts 0 name)
    if(name STREQUAL from)
      list(LENGTH parts n)
      if(n GREATER 1)
        list(GET parts 1 allowed)
        string(REPLACE "," ";" allowed "${allowed}")
      endif()
    endif()
  endforeach()
  if(allowed STREQUAL "*")
    continue()
  endif()
  file(STRINGS "${ROOT}/${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
  set(line_no 0)
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]*)\".*" "\\1" target "${line}")
    get_filename_component(target_dir "${target}" DIRECTORY)
    if(target_dir STREQUAL "" OR target_dir MATCHES "^sisim$")  # same folder; generated sisim/version.hpp
      continue()
    endif()
    component_of("${target_dir}" to)
    if(to STREQUAL from OR to STREQUAL "")
      if(to STREQUAL "")
        message("${file}: error: includes \"${target}\" from no known component")
        math(EXPR problems "${problems} + 1")
      endif()
      continue()
    endif()
    list(FIND allowed "${to}" found)
    if(found EQUAL -1)
      message("${file}: error: includes \"${target}\": ${from} may not depend on ${to} (docs/ARCHITECTURE.md)")
      math(EXPR problems "${problems} + 1")
    endif()
  endforeach()
endforeach()
if(problems GREATER 0)
  message(FATAL_ERROR "${problems} include(s) against the layering")
endif()
list(LENGTH sources count)
message("layering ok: ${count} files checked")
