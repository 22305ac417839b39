#pragma once
// One function per subcommand; each returns the process exit code (see args.hpp).
#include "sim/cli/args.hpp"

namespace sisim::cli {

int cmd_version(const Args& args);
int cmd_validate(const Args& args);
int cmd_run(const Args& args);
int cmd_summarize(const Args& args);
int cmd_report(const Args& args);

}  // namespace sisim::cli
