#pragma once
// Running engine work from Python: the work runs on its own thread with the GIL released, while
// the calling thread wakes every 50 ms to let Python handle signals (PyErr_CheckSignals). When
// Python raises (Ctrl-C: KeyboardInterrupt), the engine's cancel flag stops the work within about
// one path, the thread is joined and the Python exception is re-raised: nothing half-done is
// returned or written. Exceptions of the work itself are re-thrown on the calling thread.
#include <functional>

namespace sisim::python {

// Runs `work` as described above. Call with the GIL held. Throws pybind11::error_already_set when
// Python raised while it ran.
void run_interruptibly(const std::function<void()>& work);

}  // namespace sisim::python
