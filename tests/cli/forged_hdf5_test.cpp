// The forged-HDF5 corpus: good result, sweep and stress files with one thing changed each
// (hdf5_forge.hpp). `summarize`, `summarize --csv`, `report` and `summarize --merge` must refuse
// every one with exit 65 and a reason naming the file: never read out of bounds (under ASan a read
// past a short column fails the test), never print a table from inconsistent data, never write an
// output file.
#include <gtest/gtest.h>

#include <functional>

#include "fault_test_util.hpp"
#include "hdf5_forge.hpp"

namespace sisim {
namespace {

namespace fs = std::filesystem;
using testing::H5Forge;
using testing::run_command;

constexpr int kPaths = 40;

struct Forgery {
  std::string name;
  std::function<void(H5Forge&)> edit;
  std::string reason;  // a phrase the error must contain
  bool summarize;      // whether `summarize` reads the forged part (`report` reads everything)
};

void expect_refused(const std::string& command, const std::string& file, const std::string& reason) {
  SCOPED_TRACE(command);
  const auto r = run_command(command);
  EXPECT_EQ(r.exit_code, 65) << r.output;
  EXPECT_NE(r.output.find(file), std::string::npos) << "the error names the file: " << r.output;
  EXPECT_NE(r.output.find(reason), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("sisim results"), std::string::npos) << "no table from a forged file: " << r.output;
}

TEST(ForgedHdf5, RunFilesWithInconsistentContentAreRefused) {
  const fs::path dir = testing::temp_folder("forged-run");
  const fs::path good = dir / "good.h5";
  const std::string bin = testing::sisim_binary();
  ASSERT_EQ(run_command(bin + " run " + testing::kScenario + " -o " + good.string() + " --paths " +
                        std::to_string(kPaths) + " --quiet")
                .exit_code,
            0);
  const std::vector<double> ten(10, 1.0), hundred(100, 1.0), three(3, 0.5);
  const std::vector<Forgery> corpus = {
      {"short_column", [&](H5Forge& f) { f.doubles("/paths/investor/loss/nominal", {10}, ten); },
       "has shape [10], expected [40]", false},
      // A loss flag that is not 0/1 (found by the HDF5 fuzzer: converting 256 to a byte is UB).
      {"loss_flag_256",
       [&](H5Forge& f) {
         f.doubles("/paths/investor/loss/nominal", {kPaths}, std::vector<double>(kPaths, 256.0));
       },
       "not a 0/1 flag", false},
      {"long_column", [&](H5Forge& f) { f.doubles("/paths/investor/irr", {100}, hundred); },
       "has shape [100], expected [40]", false},
      {"param_column_2d",
       [&](H5Forge& f) {
         f.doubles("/paths/budgets/state/npv", {20, 2}, std::vector<double>(40));
       },
       "has shape [20 x 2], expected [40]", false},
      {"schema_version_4", [](H5Forge& f) { f.int_attribute("/", "schema_version", 4); },
       "schema_version 4, and this sisim reads schema_version 3", true},
      {"schema_version_2", [](H5Forge& f) { f.int_attribute("/", "schema_version", 2); },
       "schema_version 2, and this sisim reads schema_version 3", true},
      {"schema_version_text", [](H5Forge& f) { f.string_attribute("/", "schema_version", "1"); },
       "is not a single number", true},
      {"negative_paths", [](H5Forge& f) { f.int_attribute("/", "paths", -5); }, "'paths'", true},
      {"short_quantiles", [&](H5Forge& f) { f.doubles("/summary/investor/irr/quantiles", {3}, three); },
       "has shape [3], expected [9]", true},
      {"scalar_as_text", [](H5Forge& f) { f.string("/summary/investor/npv/mean", "1e6"); },
       "does not hold numbers", true},
      {"empty_scalar", [](H5Forge& f) { f.doubles("/summary/investor/moic/sd", {0}, {}); },
       "is not a single number", true},
      {"fan_three_columns",
       [&](H5Forge& f) {
         f.doubles("/timeseries/investor/cumulative_cash", {180, 3}, std::vector<double>(540));
       },
       "expected [rows x 9]", false},
      {"fan_as_vector",
       [&](H5Forge& f) {
         f.doubles("/timeseries/budgets/municipality/cumulative_net", {180}, std::vector<double>(180));
       },
       "expected [180 x 9]", false},
      {"account_labels_short",
       [](H5Forge& f) {
         f.string_list_attribute("/timeseries/annual_account/state/mean", "columns", {"benefit", "tax"});
       },
       "x 2]", false},
      {"claims_2_to_40_values", [](H5Forge& f) { f.huge("/summary/investor/irr/mean", hsize_t{1} << 40); },
       "claims 1099511627776 elements", true},
  };
  for (const Forgery& forgery : corpus) {
    SCOPED_TRACE(forgery.name);
    const fs::path file = dir / (forgery.name + ".h5");
    {
      H5Forge f(good, file);
      forgery.edit(f);
    }
    const fs::path html = dir / (forgery.name + ".html");
    expect_refused(bin + " report " + file.string() + " -o " + html.string(), file.string(), forgery.reason);
    EXPECT_FALSE(fs::exists(html));
    if (forgery.summarize) {
      expect_refused(bin + " summarize " + file.string(), file.string(), forgery.reason);
      expect_refused(bin + " summarize --csv " + file.string(), file.string(), forgery.reason);
    }
  }
}

TEST(ForgedHdf5, SweepAndStressFilesWithInconsistentContentAreRefused) {
  const fs::path dir = testing::temp_folder("forged-sweep");
  const std::string bin = testing::sisim_binary();
  const std::string sweep = testing::source_dir() + "/scenarios/sweeps/effect-by-price.yaml";
  const fs::path a = dir / "a.h5", b = dir / "b.h5", stress = dir / "stress.h5";
  for (const auto& [file, points] : {std::pair{a, "0:2"}, std::pair{b, "2:4"}})
    ASSERT_EQ(run_command(bin + " sweep " + sweep + " -o " + file.string() + " --points " + points +
                          " --paths 20 --quiet")
                  .exit_code,
              0);
  ASSERT_EQ(run_command(bin + " stress " + testing::kScenario + " --cases " + testing::source_dir() +
                        "/scenarios/stress/standard.yaml -o " + stress.string() + " --paths 20 --quiet")
                .exit_code,
            0);
  const fs::path merged = dir / "merged.h5";
  // A long index next to short columns: reading rows by index would run past every column.
  {
    H5Forge f(a, dir / "long_index.h5");
    f.ints("/sweep/points/index", {10}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  }
  expect_refused(bin + " summarize " + (dir / "long_index.h5").string(), "long_index.h5",
                 "damaged or forged");
  // A short statistics array: merging would copy values that are not there.
  {
    H5Forge f(b, dir / "short_stats.h5");
    f.doubles("/sweep/summary/investor/irr/mean", {1}, {0.1});
  }
  expect_refused(bin + " summarize --merge " + a.string() + " " + (dir / "short_stats.h5").string() + " -o " +
                     merged.string(),
                 "short_stats.h5", "has shape [1], expected [2]");
  // A slice from another build must not be merged with this one.
  {
    H5Forge f(b, dir / "other_build.h5");
    f.string_attribute("/", "git_hash", "0123456789ab");
  }
  expect_refused(bin + " summarize --merge " + a.string() + " " + (dir / "other_build.h5").string() + " -o " +
                     merged.string(),
                 "other_build.h5", "the sisim build");
  // Points outside the sweep.
  {
    H5Forge f(a, dir / "outside.h5");
    f.int_attribute("/sweep", "points_total", 1);
  }
  expect_refused(bin + " summarize " + (dir / "outside.h5").string(), "outside.h5", "damaged or forged");
  EXPECT_FALSE(fs::exists(merged));
  // More stress cases named than the comparison holds rows for.
  {
    H5Forge f(stress, dir / "stress_cases.h5");
    f.string_list_attribute("/stress/comparison", "cases",
                            {"base", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"});
  }
  expect_refused(bin + " summarize " + (dir / "stress_cases.h5").string(), "stress_cases.h5",
                 "expected [12]");
  // The good files still read.
  EXPECT_EQ(
      run_command(bin + " summarize --merge " + a.string() + " " + b.string() + " -o " + merged.string())
          .exit_code,
      0);
}

}  // namespace
}  // namespace sisim
