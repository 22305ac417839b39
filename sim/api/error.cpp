#include "sim/api/error.hpp"

#include <new>

#include "sim/api/stress_run.hpp"
#include "sim/engine/checkpoint.hpp"
#include "sim/io/io_error.hpp"
#include "sim/results/tornado.hpp"

namespace sisim::api {

using engine::CheckpointError;

const char* kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::usage:
      return "usage";
    case ErrorKind::config:
      return "config";
    case ErrorKind::data:
      return "data";
    case ErrorKind::io:
      return "io";
    case ErrorKind::resources:
      return "resources";
    case ErrorKind::interrupted:
      return "interrupted";
    case ErrorKind::internal:
      return "internal";
  }
  return "internal";
}

Error to_error(std::exception_ptr failure) {
  try {
    std::rethrow_exception(failure);
  } catch (const Error& e) {
    return e;
  } catch (const io::IoError& e) {
    return Error(ErrorKind::io, e.what());
  } catch (const CheckpointError& e) {
    return Error(ErrorKind::data, e.what());
  } catch (const results::TornadoConfigError& e) {
    return Error(e.errors);
  } catch (const RunInterrupted&) {
    return Error(ErrorKind::interrupted, "interrupted; nothing was written");
  } catch (const results::TornadoInterrupted&) {
    return Error(ErrorKind::interrupted, "interrupted; nothing was written");
  } catch (const std::bad_alloc&) {
    return Error(ErrorKind::resources, "out of memory (use fewer --paths or --threads, or a smaller cohort)");
  } catch (const std::exception& e) {
    return Error(ErrorKind::internal, e.what());
  } catch (...) {
    return Error(ErrorKind::internal, "an exception that is not a std::exception");
  }
}

}  // namespace sisim::api
