// The library front door called directly (no binary, no Python): each call checks what the
// commands check, in their order, and fails with the error kind a front end maps.
#include "sim/api/front_door.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "sim/api/error.hpp"
#include "sim/api/result_file.hpp"
#include "sim/api/society_file.hpp"
#include "sim/io/h5_reader.hpp"

namespace sisim::api {

using engine::RunOutput;

namespace {

namespace fs = std::filesystem;

const std::string kScenario = std::string(SISIM_SOURCE_DIR) + "/scenarios/herning-viborg.yaml";

fs::path temp_folder(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("sisim-api-" + name + "-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

template <class Call>
ErrorKind kind_of(Call&& call) {
  try {
    call();
  } catch (const Error& e) {
    return e.kind;
  }
  ADD_FAILURE() << "no api::Error";
  return ErrorKind::internal;
}

TEST(FrontDoor, LoadReportsEveryFindingAsAConfigError) {
  try {
    load(kScenario, {"cohort.size=-5", "no_such.key=1"});
    FAIL() << "the overrides are invalid";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, ErrorKind::config);
    EXPECT_EQ(e.findings.size(), 2u) << e.what();
  }
}

TEST(FrontDoor, RunKeepsTheResultInMemoryAndWritesItOnRequest) {
  const Scenario scenario = load(kScenario, {});
  RunRequest request;
  request.settings = {200, 5, 2};
  const RunOutput run = api::run(scenario, request);
  EXPECT_EQ(run.paths, 200);
  EXPECT_EQ(run.seed, 5u);
  EXPECT_GE(run.columns.find("/paths/investor/npv"), 0);
  const fs::path out = temp_folder("run") / "r.h5";
  write_run_file({out.string(), false, "test"}, scenario, run);
  EXPECT_TRUE(fs::is_regular_file(out));
  // A second write without force is refused as an I/O error and leaves the file alone.
  const auto size = fs::file_size(out);
  EXPECT_EQ(kind_of([&] { write_run_file({out.string(), false, "test"}, scenario, run); }), ErrorKind::io);
  EXPECT_EQ(fs::file_size(out), size);
}

TEST(FrontDoor, TheWriteThatFreesColumnsWritesTheSameFileAndLeavesNoColumnData) {
  // `sisim run` writes with write_run_file(..., RunOutput&&) (issue 16: the columns and the file
  // image are never held in full together); the file must be the one the keeping write makes.
  const Scenario scenario = load(kScenario, {});
  RunRequest request;
  request.settings = {300, 9, 2};
  RunOutput run = api::run(scenario, request);
  const fs::path dir = temp_folder("release");
  const char* outer = std::getenv("SOURCE_DATE_EPOCH");
  const std::string outer_epoch = outer ? outer : "";
  ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  write_run_file({(dir / "kept.h5").string(), false, "test"}, scenario, run);
  ASSERT_EQ(run.columns.column(run.columns.find("/paths/investor/npv")).size(), 300u);
  const auto columns = run.columns.specs().size();
  write_run_file({(dir / "freed.h5").string(), false, "test"}, scenario, std::move(run));
  if (outer_epoch.empty())
    ::unsetenv("SOURCE_DATE_EPOCH");
  else
    ::setenv("SOURCE_DATE_EPOCH", outer_epoch.c_str(), 1);
  for (size_t c = 0; c < columns; ++c) EXPECT_TRUE(run.columns.column(static_cast<int>(c)).empty());
  auto bytes = [](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  // The same content written in the same order gives the same bytes, seal included, once
  // SOURCE_DATE_EPOCH fixes the `created` attribute (docs/HDF5.md 1).
  EXPECT_EQ(bytes(dir / "kept.h5"), bytes(dir / "freed.h5"));
}

TEST(FrontDoor, SummariesMadeOnceAreWhatTheFileHoldsForAnyThreadCount) {
  // `sisim run` summarises once and hands the summaries to both the table and the file (issue
  // 16): run_summaries must equal the two summaries it replaces, bit for bit and for any thread
  // count, and a write given summaries must file those, not make its own.
  const Scenario scenario = load(kScenario, {});
  RunRequest request;
  request.settings = {400, 11, 2};
  RunOutput run = api::run(scenario, request);
  const RunSummaries made = run_summaries(scenario.config, run);
  const auto headline = headline_rows(scenario.config, run);
  const auto society = analysis::summarize_society(society_columns(run));
  RunOutput one_thread = run;
  one_thread.threads = 1;
  const RunSummaries made_on_one = run_summaries(scenario.config, one_thread);
  ASSERT_EQ(made.headline.metrics.size(), headline.metrics.size());
  ASSERT_FALSE(headline.metrics.empty());
  const auto same = [](const stats::Summary& a, const stats::Summary& b) {
    return std::memcmp(&a, &b, sizeof(stats::Summary)) == 0;  // no padding: doubles and int64s
  };
  for (std::size_t k = 0; k < headline.metrics.size(); ++k) {
    EXPECT_EQ(made.headline.metrics[k].spec.group, headline.metrics[k].spec.group);
    EXPECT_TRUE(same(made.headline.metrics[k].summary, headline.metrics[k].summary)) << k;
    EXPECT_TRUE(same(made_on_one.headline.metrics[k].summary, headline.metrics[k].summary)) << k;
  }
  ASSERT_EQ(made.headline.events.size(), headline.events.size());
  for (std::size_t k = 0; k < headline.events.size(); ++k)
    EXPECT_EQ(made.headline.events[k].p, headline.events[k].p);
  ASSERT_TRUE(made.society.has_value());
  ASSERT_TRUE(society.has_value());
  EXPECT_TRUE(same(made.society->society, society->society));
  EXPECT_TRUE(same(made_on_one.society->society, society->society));

  // A marker in the summaries handed over shows up in the file: the writer did not summarise again.
  RunSummaries marked = made;
  marked.headline.metrics[0].summary.mean = 1234.5;
  marked.society->society.mean = -6789.25;
  const fs::path dir = temp_folder("summaries");
  write_run_file({(dir / "marked.h5").string(), false, "test"}, scenario, std::move(run), marked);
  const io::ResultReader r((dir / "marked.h5").string());
  EXPECT_EQ(r.read_scalar("/summary/" + headline.metrics[0].spec.group + "/mean"), 1234.5);
  EXPECT_EQ(r.read_scalar("/summary/society/npv/mean"), -6789.25);
  EXPECT_EQ(r.read_scalar("/summary/" + headline.metrics[1].spec.group + "/mean"),
            headline.metrics[1].summary.mean);
}

TEST(FrontDoor, StressRefusesAnExistingOutputBeforeRunningAnything) {
  const Scenario scenario = load(kScenario, {});
  const fs::path out = temp_folder("stress-exists") / "s.h5";
  std::ofstream(out) << "mine";
  int steps = 0;
  EXPECT_EQ(
      kind_of([&] {
        stress(scenario, "", {100, 1, 1}, {out.string(), false, ""}, [&](const std::string&) { ++steps; });
      }),
      ErrorKind::io);
  EXPECT_EQ(steps, 0);
}

TEST(FrontDoor, StressComparesEachCaseWithTheBaseOnTheSamePaths) {
  const Scenario scenario = load(kScenario, {});
  const fs::path out = temp_folder("stress") / "s.h5";
  std::vector<std::string> steps;
  const StressResult r =
      stress(scenario, std::string(SISIM_SOURCE_DIR) + "/scenarios/stress/standard.yaml", {100, 3, 2},
             {out.string(), false, ""}, [&](const std::string& line) { steps.push_back(line); });
  ASSERT_GE(r.names.size(), 2u);
  EXPECT_EQ(r.names[0], "base");
  EXPECT_EQ(r.rows.size(), r.names.size());
  EXPECT_EQ(steps.size(), r.names.size());  // one progress line per run
  EXPECT_EQ(steps[0], "[1/" + std::to_string(r.names.size()) + "] base");
  for (const auto& v : r.rows[0]) EXPECT_EQ(v.change, 0.0);  // the base against itself
  EXPECT_EQ(r.options.paths, 100);
  ASSERT_TRUE(fs::is_regular_file(out));
  // Public NPVs are on the base scenario's price basis (public.discount: real, rules from 2026-01).
  io::ResultReader file(out.string());
  EXPECT_EQ(file.attribute_string("/stress/comparison/municipality_npv_mean/change", "units"),
            "DKK, real 2026 prices");
  EXPECT_EQ(file.attribute_string("/stress/comparison/public_total_npv_mean/value", "units"),
            "DKK, real 2026 prices");
  EXPECT_EQ(file.attribute_string("/stress/comparison/investor_npv_mean/value", "units"), "DKK");
  EXPECT_EQ(file.attribute_string("/stress/comparison/municipality_p_loss/value", "units"), "1");
}

TEST(FrontDoor, SweepPointsOutsideTheSweepAreAUsageError) {
  const fs::path out = temp_folder("sweep") / "w.h5";
  SweepRequest request{std::string(SISIM_SOURCE_DIR) + "/scenarios/sweeps/effect-by-price.yaml", {}, 25, {}};
  EXPECT_EQ(kind_of([&] { sweep(request, {50, 1, 1}, {out.string(), false, ""}, {}); }), ErrorKind::usage);
  EXPECT_FALSE(fs::exists(out));
}

TEST(FrontDoor, CompareNamesTheFileThatIsNotARunFile) {
  const fs::path dir = temp_folder("compare");
  std::ofstream(dir / "a.h5") << "not hdf5";
  try {
    compare({(dir / "a.h5").string(), (dir / "a.h5").string()});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, ErrorKind::data);
    EXPECT_EQ(std::string(e.what()).rfind((dir / "a.h5").string() + ": ", 0), 0u) << e.what();
  }
}

}  // namespace
}  // namespace sisim::api
