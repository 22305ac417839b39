# One home for the per-path column layout (issue 11 item 2): a source file may name a /paths
# dataset only through the schema table (sim/io/result_schema.*: column_path, group_path,
# kPerPathRoot, ...), never by spelling the path as a string literal, so a renamed column or group
# is a one-line change there. Run as
#   cmake -DROOT=<source dir> -P check_schema_paths.cmake
# It prints every "/paths..." literal outside sim/io/result_schema.* as file: line and fails if
# there is one. Comments are ignored (they may quote a path); tests and docs are not scanned.
cmake_minimum_required(VERSION 3.25)
if(NOT DEFINED ROOT)
  message(FATAL_ERROR "usage: cmake -DROOT=<source dir> -P check_schema_paths.cmake")
endif()

# A string literal that starts with the per-path root: "/paths" or "/paths/...".
set(literal "\"/paths[/\"]")
file(GLOB_RECURSE sources RELATIVE "${ROOT}"
     "${ROOT}/sim/*.?pp" "${ROOT}/config/*.?pp" "${ROOT}/analysis/*.?pp" "${ROOT}/rules/*.?pp"
     "${ROOT}/python/*.?pp" "${ROOT}/benchmarks/*.?pp" "${ROOT}/fuzz/*.?pp"
     "${ROOT}/sim/*.h" "${ROOT}/python/*.h")
set(problems 0)
foreach(file IN LISTS sources)
  if(file MATCHES "^sim/io/result_schema\\.[ch]pp$")
    continue()
  endif()
  file(STRINGS "${ROOT}/${file}" lines REGEX "${literal}")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "//.*$" "" code "${line}")  # a comment may quote a path
    if(code MATCHES "${literal}")
      string(STRIP "${line}" shown)
      message("${file}: error: spells a per-path dataset path: ${shown} (use sim/io/result_schema.hpp)")
      math(EXPR problems "${problems} + 1")
    endif()
  endforeach()
endforeach()
if(problems GREATER 0)
  message(FATAL_ERROR "${problems} per-path dataset path(s) spelled outside sim/io/result_schema")
endif()
list(LENGTH sources count)
message("schema paths ok: ${count} files checked")
