#include "sim/io/timestamp.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>

#include "sim/io/io_error.hpp"

namespace sisim::io {

std::string utc_iso8601(std::int64_t epoch_seconds) {
  // std::chrono's civil calendar instead of gmtime: no time-zone database, no global state.
  using namespace std::chrono;
  const sys_seconds t{seconds{epoch_seconds}};
  const sys_days day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss<seconds> hms{t - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                     static_cast<int>(hms.seconds().count()));
}

std::string creation_timestamp() {
  if (const char* env = std::getenv("SOURCE_DATE_EPOCH"); env != nullptr) {
    char* end = nullptr;
    errno = 0;
    const long long value = std::strtoll(env, &end, 10);
    if (end == env || *end != '\0' || errno != 0 || value < 0) {
      throw IoError(std::string("SOURCE_DATE_EPOCH='") + env +
                    "' is not a non-negative integer number of seconds");
    }
    return utc_iso8601(value);
  }
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return utc_iso8601(now.time_since_epoch().count());
}

}  // namespace sisim::io
