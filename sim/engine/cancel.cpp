#include "sim/engine/cancel.hpp"

#include <csignal>

namespace sisim::engine {
namespace {
std::atomic<bool> g_cancel{false};
extern "C" void on_signal(int) {
  g_cancel.store(true);
}
}  // namespace

std::atomic<bool>& cancel_flag() {
  return g_cancel;
}

void install_cancel_handlers() {
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  // A closed terminal or ssh session (SIGHUP) would otherwise kill the run without saving its
  // checkpoint: it stops like Ctrl-C.
  std::signal(SIGHUP, on_signal);
}

}  // namespace sisim::engine
