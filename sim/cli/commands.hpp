#pragma once
// One function per subcommand; each returns the process exit code (see args.hpp).
#include "sim/cli/args.hpp"

namespace sisim::cli {

int cmd_version(const Args& args);
int cmd_validate(const Args& args);
int cmd_run(const Args& args);
int cmd_summarize(const Args& args);
int cmd_report(const Args& args);
int cmd_stress(const Args& args);
int cmd_sweep(const Args& args);
int cmd_price(const Args& args);
int cmd_tornado(const Args& args);
int cmd_compare(const Args& args);

}  // namespace sisim::cli
