// `sisim tornado`: each uncertain input swung P10 -> P90 on common random numbers, plus the
// regime and payer switches, ranked; in the file, the table and the report.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>

#include "cli_test_util.hpp"
#include "sim/io/h5_reader.hpp"

namespace sisim {
namespace {

using testing::run_command;
namespace fs = std::filesystem;

TEST(TornadoCommand, SwingsAreRankedPairedAndWhereAUserLooks) {
  const fs::path dir = testing::temp_folder("tornado");
  const std::string out = (dir / "t.h5").string();
  const auto r = run_command(testing::sisim_binary() + " tornado " + testing::source_dir() +
                             "/scenarios/herning-viborg.yaml -o " + out + " --paths 600 --quiet");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  io::ResultReader f(out);
  const auto inputs = f.attribute_strings("/tornado", "inputs");
  // The base scenario's 10 uncertain parameters (with the part-time hours of both segments), then
  // the two switches.
  ASSERT_EQ(inputs.size(), 12u);
  EXPECT_EQ(inputs[10], "regime: recession");
  EXPECT_EQ(inputs[11], "payer: termination");
  // P10 and P90 of the employment gap, normal(0.18, 0.05) truncated to [0.02, 0.30]: the bounds
  // are z = -3.2 and 2.4, Phi = 0.000687 and 0.991802, so P90 solves Phi(z) = 0.000687 + 0.9 x
  // 0.991115 = 0.892690, z = 1.2412, 0.18 + 0.05 z = 0.2421; P10: Phi(z) = 0.099799, z = -1.2825,
  // 0.1159.
  const auto lo = f.read_doubles("/tornado/inputs/low_value"),
             hi = f.read_doubles("/tornado/inputs/high_value");
  size_t gap = 0;
  while (gap < inputs.size() && inputs[gap] != "intervention.effect.employment_gap") ++gap;
  ASSERT_LT(gap, inputs.size());
  EXPECT_NEAR(lo[gap], 0.1159, 2e-4);
  EXPECT_NEAR(hi[gap], 0.2421, 2e-4);
  for (const char* m :
       {"investor_irr_p50", "investor_loss_nominal_p", "investor_npv_mean", "municipality_npv_mean"}) {
    const std::string g = std::string("/tornado/") + m + "/";
    const auto low = f.read_doubles(g + "low"), high = f.read_doubles(g + "high"),
               swing = f.read_doubles(g + "swing");
    const auto se = f.read_doubles(g + "swing_se");
    const auto order = f.read_ints(g + "order");
    for (size_t i = 0; i < swing.size(); ++i) {
      EXPECT_NEAR(swing[i], high[i] - low[i], 1e-9 * (1.0 + std::fabs(swing[i]))) << m;
      EXPECT_TRUE(std::isfinite(se[i])) << m;
    }
    for (size_t k = 1; k < order.size(); ++k)
      EXPECT_GE(std::fabs(swing[static_cast<size_t>(order[k - 1])]),
                std::fabs(swing[static_cast<size_t>(order[k])]));
  }
  // Directions a reader can check by reasoning: a larger effect raises the investor's NPV and
  // lowers its loss probability; a recession from month 0 and an early termination raise it.
  // The municipality's NPV is on the base scenario's public price basis (public.discount: real,
  // rules from 2026-01); the investor's is nominal money.
  EXPECT_EQ(f.attribute_string("/tornado/municipality_npv_mean/swing", "units"), "DKK, real 2026 prices");
  EXPECT_EQ(f.attribute_string("/tornado/investor_npv_mean/swing", "units"), "DKK");
  const auto npv_swing = f.read_doubles("/tornado/investor_npv_mean/swing");
  const auto loss_swing = f.read_doubles("/tornado/investor_loss_nominal_p/swing");
  EXPECT_GT(npv_swing[gap], 0.0);
  EXPECT_LT(loss_swing[gap], 0.0);
  EXPECT_GT(loss_swing[10], 0.0);  // regime: recession
  EXPECT_GT(loss_swing[11], 0.0);  // payer: termination
  // Paired: the SE of a swing is far below the spread of either run (investor NPV sd ~ 1.5 M).
  const auto npv_se = f.read_doubles("/tornado/investor_npv_mean/swing_se");
  EXPECT_LT(npv_se[gap], 0.15e6);
  // The base run is in the file like a run, so summarize and report read it.
  EXPECT_TRUE(f.exists("/summary/events/investor_npv_negative/p"));
  EXPECT_NE(r.output.find("median investor IRR (scenario as given:"), std::string::npos) << r.output;
  const auto s = run_command(testing::sisim_binary() + " summarize " + out);
  EXPECT_EQ(s.exit_code, 0) << s.output;
  EXPECT_NE(s.output.find("payer: termination"), std::string::npos);
  const auto rep =
      run_command(testing::sisim_binary() + " report " + out + " -o " + (dir / "t.html").string());
  ASSERT_EQ(rep.exit_code, 0) << rep.output;
  const std::string html = testing::read_file(dir / "t.html");
  EXPECT_NE(html.find("<h2>Tornado: what each input does on its own</h2>"), std::string::npos);
  EXPECT_NE(html.find("Change from the scenario as given, M DKK"), std::string::npos);
  EXPECT_NE(html.find("R&sup2; = "), std::string::npos);
  EXPECT_NE(html.find("months in recession (regime)"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace sisim
