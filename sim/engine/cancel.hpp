#pragma once
// Cooperative cancellation: Ctrl-C or SIGTERM sets a flag that workers check between paths, so a
// run stops within one block and nothing half-written reaches the output folder.
#include <atomic>

namespace sisim {

std::atomic<bool>& cancel_flag();
// Installs SIGINT/SIGTERM handlers that set cancel_flag(). Safe to call more than once.
void install_cancel_handlers();

}  // namespace sisim
