#pragma once
// What the flags ask of the library front door (sim/api/front_door.hpp): run settings, the
// output file and the progress lines of a command.
#include <string>

#include "sim/api/run_settings.hpp"
#include "sim/cli/args.hpp"

namespace sisim::cli {

api::RunSettings settings_of(const Args& args);  // --paths, --seed, --threads
api::OutputFile output_of(const Args& args);     // -o, --force, the command line as typed
// "sisim <command>: <line>" on stderr; silent with --quiet.
api::Progress progress_of(const Args& args);

}  // namespace sisim::cli
