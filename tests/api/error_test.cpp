// The error model (sim/api/error.hpp): every exception a lower layer throws is classified into
// one kind, so a front end maps kinds, never exception types.
#include "sim/api/error.hpp"

#include <gtest/gtest.h>

#include <new>

#include "sim/api/stress_run.hpp"
#include "sim/engine/checkpoint.hpp"
#include "sim/io/io_error.hpp"
#include "sim/results/tornado.hpp"

namespace sisim::api {

using engine::CheckpointError;

using config::ConfigError;
using config::format_errors;

namespace {

template <class E>
Error classified(const E& e) {
  return to_error(std::make_exception_ptr(e));
}

TEST(ApiError, LowerLayerExceptionsAreClassifiedByKind) {
  EXPECT_EQ(classified(io::IoError("disk full")).kind, ErrorKind::io);
  EXPECT_STREQ(classified(io::IoError("disk full")).what(), "disk full");
  EXPECT_EQ(classified(CheckpointError("another run's checkpoint")).kind, ErrorKind::data);
  EXPECT_EQ(classified(RunInterrupted()).kind, ErrorKind::interrupted);
  EXPECT_EQ(classified(results::TornadoInterrupted()).kind, ErrorKind::interrupted);
  EXPECT_EQ(classified(std::bad_alloc()).kind, ErrorKind::resources);
  EXPECT_EQ(classified(std::logic_error("vector::at")).kind, ErrorKind::internal);
  EXPECT_EQ(to_error(std::make_exception_ptr(42)).kind, ErrorKind::internal);
}

TEST(ApiError, ConfigurationFindingsTravelWithTheirLocations) {
  const std::vector<ConfigError> findings = {{"a.yaml", 3, 5, "unknown key 'x'"},
                                             {"a.yaml", 7, 1, "must be >= 0"}};
  const Error tornado = classified(results::TornadoConfigError(findings));
  EXPECT_EQ(tornado.kind, ErrorKind::config);
  ASSERT_EQ(tornado.findings.size(), 2u);
  EXPECT_EQ(tornado.findings[1].line, 7);
  const Error direct(findings);
  EXPECT_EQ(direct.kind, ErrorKind::config);
  EXPECT_EQ(std::string(direct.what()), format_errors(findings));
  EXPECT_NE(std::string(direct.what()).find("a.yaml:3:5: error:"), std::string::npos);
}

TEST(ApiError, AnErrorKeepsItsKindAndMessage) {
  const Error e = classified(Error(ErrorKind::usage, "--points 9:12 is outside the sweep"));
  EXPECT_EQ(e.kind, ErrorKind::usage);
  EXPECT_STREQ(e.what(), "--points 9:12 is outside the sweep");
  EXPECT_STREQ(kind_name(e.kind), "usage");
}

}  // namespace
}  // namespace sisim::api
