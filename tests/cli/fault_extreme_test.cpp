// Extreme parameters on the base scenario: each either runs to a file with a finite NPV for every
// path and budget (NaN would poison every mean and quantile a user reads), or is refused before the
// run with exit 65 and the offending key named.
#include <gtest/gtest.h>

#include <cmath>

#include "fault_test_util.hpp"
#include "sim/io/h5_reader.hpp"

namespace sisim {
namespace {

namespace fs = std::filesystem;
using testing::run_command;

struct Extreme {
  std::string name;
  std::string flags;
};

const std::string kSeg1 = "cohort.segments.kontanthjaelp_30plus_children.";
const std::string kSeg2 = "cohort.segments.kontanthjaelp_other.";

std::string both_segments(const std::string& key, const std::string& value) {
  return " --set " + kSeg1 + key + "=" + value + " --set " + kSeg2 + key + "=" + value;
}

std::vector<Extreme> extremes() {
  const std::string hazards0 = both_segments("job_finding_hazard", "0") +
                               both_segments("separation_hazard", "0") + both_segments("exit_hazard", "0") +
                               " --set intervention.dropout_hazard=0";
  const std::string hazards1 = both_segments("job_finding_hazard", "1") +
                               both_segments("separation_hazard", "1") + both_segments("exit_hazard", "1") +
                               " --set intervention.dropout_hazard=1";
  return {{"cohort_of_one", "--paths 40 --set cohort.size=1"},
          {"cohort_of_100000", "--paths 2 --set cohort.size=100000"},
          {"horizon_480_months", "--paths 20 --set simulation.horizon_months=480"},
          {"hazards_0", "--paths 20" + hazards0},
          {"hazards_1", "--paths 20" + hazards1},
          {"prices_0", "--paths 20 --set contract.outcomes.0.price=0 --set contract.outcomes.1.price=0"}};
}

void expect_finite_npvs(const fs::path& file) {
  const io::ResultReader r(file.string());
  std::vector<std::string> columns = {"/paths/investor/npv"};
  for (const auto& budget : r.list("/paths/budgets")) columns.push_back("/paths/budgets/" + budget + "/npv");
  ASSERT_GE(columns.size(), 6u);
  for (const auto& column : columns) {
    const auto values = r.read_doubles(column);
    ASSERT_FALSE(values.empty()) << column;
    for (size_t i = 0; i < values.size(); ++i)
      ASSERT_TRUE(std::isfinite(values[i])) << column << " path " << i;
  }
  EXPECT_TRUE(std::isfinite(r.read_scalar("/summary/investor/npv/mean")));
}

TEST(FaultExtreme, ExtremeParametersRunCleanlyOrAreRefusedWithAReason) {
  const fs::path dir = testing::temp_folder("fault-extreme");
  for (const auto& [name, flags] : extremes()) {
    SCOPED_TRACE(name);
    const fs::path out = dir / (name + ".h5");
    const auto r = run_command(testing::sisim_binary() + " run " + testing::kScenario + " -o " +
                               out.string() + " --quiet " + flags);
    if (r.exit_code == 65) {  // refused: the reason names a key, and nothing is written
      EXPECT_NE(r.output.find("error:"), std::string::npos) << r.output;
      EXPECT_FALSE(fs::exists(out));
      continue;
    }
    ASSERT_EQ(r.exit_code, 0) << r.output;
    expect_finite_npvs(out);
  }
}

}  // namespace
}  // namespace sisim
