// The one mapping of the error model to exit codes (sim/cli/exit_code.cpp), against the codes
// README.md documents: 0 ok, 2 usage, 65 bad config or data, 70 internal, 74 I/O, 130 interrupted.
#include "sim/cli/exit_code.hpp"

#include <gtest/gtest.h>

#include "sim/io/io_error.hpp"

namespace sisim::cli {
namespace {

TEST(ExitCode, EachErrorKindHasItsDocumentedCode) {
  EXPECT_EQ(exit_code(api::ErrorKind::usage), 2);
  EXPECT_EQ(exit_code(api::ErrorKind::config), 65);  // sysexits EX_DATAERR
  EXPECT_EQ(exit_code(api::ErrorKind::data), 65);
  EXPECT_EQ(exit_code(api::ErrorKind::internal), 70);  // EX_SOFTWARE
  EXPECT_EQ(exit_code(api::ErrorKind::io), 74);        // EX_IOERR
  EXPECT_EQ(exit_code(api::ErrorKind::resources), 74);
  EXPECT_EQ(exit_code(api::ErrorKind::interrupted), 130);  // 128 + SIGINT
}

TEST(ExitCode, AFailureIsReportedOnceWithItsCode) {
  testing::internal::CaptureStderr();
  const int io = report_failure("run", std::make_exception_ptr(io::IoError("out.h5 exists (use --force)")));
  const int bug = report_failure("run", std::make_exception_ptr(std::logic_error("vector::at")));
  const std::string printed = testing::internal::GetCapturedStderr();
  EXPECT_EQ(io, 74);
  EXPECT_EQ(bug, 70);
  EXPECT_EQ(printed,
            "sisim run: out.h5 exists (use --force)\n"
            "sisim run: internal error: vector::at\n");
}

TEST(ExitCode, ConfigurationFindingsArePrintedAsTheirOwnLines) {
  testing::internal::CaptureStderr();
  const int code = report_failure("stress", std::make_exception_ptr(api::Error({{"s.yaml", 2, 3, "bad"}})));
  const std::string printed = testing::internal::GetCapturedStderr();
  EXPECT_EQ(code, 65);
  EXPECT_EQ(printed.rfind("s.yaml:2:3: error: bad", 0), 0u) << printed;
}

}  // namespace
}  // namespace sisim::cli
