#pragma once
// Cooperative cancellation: Ctrl-C, SIGTERM or SIGHUP sets a flag that workers check between paths
// (and every 1,024 participants within a path), so a run stops within about one path and nothing
// half-written reaches the output folder; a block stopped part-way is simply not counted as done.
#include <atomic>

namespace sisim::engine {

std::atomic<bool>& cancel_flag();
// Installs SIGINT/SIGTERM/SIGHUP handlers that set cancel_flag(). Safe to call more than once.
void install_cancel_handlers();

}  // namespace sisim::engine
