#include "interruptible.hpp"

#include <pybind11/pybind11.h>

#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

#include "sim/engine/cancel.hpp"

namespace py = pybind11;

namespace sisim::python {

using engine::cancel_flag;

void run_interruptibly(const std::function<void()>& work) {
  // One engine run at a time per process: the cancel flag is process-wide.
  static std::mutex one_run;
  std::exception_ptr failure;
  PyObject *type = nullptr, *value = nullptr, *traceback = nullptr;  // the Python error, if any
  {
    py::gil_scoped_release release;
    std::unique_lock<std::mutex> exclusive(one_run);
    cancel_flag().store(false);
    std::mutex m;
    std::condition_variable cv;
    bool done = false;
    std::thread worker([&] {
      try {
        work();
      } catch (...) {
        failure = std::current_exception();
      }
      {
        std::lock_guard<std::mutex> lock(m);
        done = true;
      }
      cv.notify_all();
    });
    for (;;) {
      std::unique_lock<std::mutex> lock(m);
      if (cv.wait_for(lock, std::chrono::milliseconds(50), [&] { return done; })) break;
      lock.unlock();
      if (type != nullptr) continue;  // already cancelled: wait for the worker to stop
      py::gil_scoped_acquire acquire;
      if (PyErr_CheckSignals() != 0) {
        PyErr_Fetch(&type, &value, &traceback);
        cancel_flag().store(true);
      }
    }
    worker.join();
    cancel_flag().store(false);
  }
  if (type != nullptr) {
    PyErr_Restore(type, value, traceback);
    throw py::error_already_set();
  }
  if (failure) std::rethrow_exception(failure);
}

}  // namespace sisim::python
