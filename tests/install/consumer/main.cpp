// Loads a scenario and runs it through the installed front door; prints what it got.
#include <cstdio>

#include "sim/api/error.hpp"
#include "sim/api/front_door.hpp"
#include "sisim/version.hpp"

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  try {
    sisim::api::load(std::string(argv[1]) + ".missing", {});
    return 1;  // a missing scenario must fail
  } catch (const sisim::api::Error& e) {
    std::printf("missing scenario: %s error\n", sisim::api::kind_name(e.kind));
  }
  const sisim::api::Scenario scenario = sisim::api::load(argv[1], {});
  sisim::api::RunRequest request;
  request.settings = {100, 1, 1};
  const sisim::engine::RunOutput run = sisim::api::run(scenario, request);
  std::printf("sisim %s: %s, %lld paths\n", sisim::kVersion, scenario.config.name.c_str(),
              static_cast<long long>(run.paths));
  return 0;
}
