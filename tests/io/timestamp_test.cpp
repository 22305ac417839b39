// `created` timestamps: UTC ISO-8601, reproducible through SOURCE_DATE_EPOCH.
#include "sim/io/timestamp.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "sim/io/io_error.hpp"

namespace sisim::io {
namespace {

TEST(Timestamp, KnownInstants) {
  EXPECT_EQ(utc_iso8601(0), "1970-01-01T00:00:00Z");
  // 1970..1999 = 30 years with 7 leap days (72,76,80,84,88,92,96) = 10957 days = 946684800 s.
  EXPECT_EQ(utc_iso8601(946684800), "2000-01-01T00:00:00Z");
  // + 31 (Jan) + 28 days = 29 Feb 2000 (a leap day: divisible by 400), then 23:59:59.
  EXPECT_EQ(utc_iso8601(946684800 + 59 * 86400 + 86399), "2000-02-29T23:59:59Z");
  // One second later the day after the leap day begins.
  EXPECT_EQ(utc_iso8601(946684800 + 60 * 86400), "2000-03-01T00:00:00Z");
}

class EnvGuard {
 public:
  EnvGuard() {
    if (const char* v = std::getenv("SOURCE_DATE_EPOCH")) saved_ = v, had_ = true;
  }
  ~EnvGuard() {
    if (had_)
      setenv("SOURCE_DATE_EPOCH", saved_.c_str(), 1);
    else
      unsetenv("SOURCE_DATE_EPOCH");
  }
  EnvGuard(const EnvGuard&) = delete;
  EnvGuard& operator=(const EnvGuard&) = delete;

 private:
  std::string saved_;
  bool had_ = false;
};

TEST(Timestamp, SourceDateEpochOverridesTheClock) {
  EnvGuard guard;
  setenv("SOURCE_DATE_EPOCH", "946684800", 1);
  EXPECT_EQ(creation_timestamp(), "2000-01-01T00:00:00Z");
  setenv("SOURCE_DATE_EPOCH", "12abc", 1);
  EXPECT_THROW(creation_timestamp(), IoError);
  unsetenv("SOURCE_DATE_EPOCH");
  const std::string now = creation_timestamp();
  ASSERT_EQ(now.size(), 20u);
  EXPECT_GE(now.substr(0, 4), "2024");  // the clock, not the epoch
  EXPECT_EQ(now.back(), 'Z');
}

}  // namespace
}  // namespace sisim::io
