// api::load and api::check_output: the front door's entry checks.
#include "sim/api/error.hpp"
#include "sim/api/front_door.hpp"
#include "sim/api/load_scenario.hpp"

namespace sisim::api {

using config::LoadResult;

Scenario load(const std::string& path, const std::vector<std::string>& overrides) {
  LoadResult loaded = load_scenario(path, overrides);
  if (!loaded.ok()) throw Error(std::move(loaded.errors));
  return Scenario{path, overrides, std::move(*loaded.config)};
}

void check_output(const OutputFile& output, const std::vector<InputFile>& inputs) {
  std::string why;
  if (!output_is_usable(output.path, output.force, inputs, why)) throw Error(ErrorKind::io, why);
}

}  // namespace sisim::api
