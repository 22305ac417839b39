// Checkpoint/resume at the engine level: a resumed run is bit-identical to an uninterrupted one,
// completed blocks come from the file (not recomputed), and a checkpoint of another run is refused.
#include "sim/engine/checkpoint.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "engine_test_util.hpp"
#include "sim/engine/engine.hpp"
#include "sim/engine/path_runner.hpp"

namespace sisim::engine {

using config::Config;

namespace {

namespace fs = std::filesystem;

constexpr int kFan = 100;  // the small scenario: 300 paths in 19 blocks of 16

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

std::string temp_checkpoint(const std::string& name) {
  const fs::path p = fs::temp_directory_path() / ("sisim-ckpt-" + name + "-" + std::to_string(getpid()));
  fs::remove(p);
  return p.string();
}

RunOutput run(const Config& config, const std::string& checkpoint = "", std::uint64_t seed = 7) {
  RunOptions options;
  options.progress = false;
  options.threads = 2;
  options.fan_paths = kFan;
  options.seed = seed;
  options.seed_set = true;
  options.checkpoint = checkpoint;
  return run_simulation(config, options);
}

void expect_same_run(const RunOutput& a, const RunOutput& b) {
  ASSERT_EQ(a.columns.specs().size(), b.columns.specs().size());
  for (size_t c = 0; c < a.columns.specs().size(); ++c)
    EXPECT_TRUE(same_bits(a.columns.column(static_cast<int>(c)), b.columns.column(static_cast<int>(c))))
        << a.columns.specs()[c].path;
  EXPECT_TRUE(same_bits(a.series.investor_cash_fan, b.series.investor_cash_fan));
  for (int k = 0; k < kAccountBudgets; ++k) {
    const auto i = static_cast<size_t>(k);
    EXPECT_TRUE(same_bits(a.series.annual_mean[i], b.series.annual_mean[i])) << "budget " << k;
    EXPECT_TRUE(same_bits(a.series.annual_p05[i], b.series.annual_p05[i])) << "budget " << k;
    EXPECT_TRUE(same_bits(a.series.budget_net_fan[i], b.series.budget_net_fan[i])) << "budget " << k;
  }
  EXPECT_EQ(a.gap_clamped_paths, b.gap_clamped_paths);
}

TEST(Checkpoint, AResumeFromACompleteCheckpointIsBitIdentical) {
  const Config config = testing::load_or_fail(testing::small_scenario_yaml());
  const std::string file = temp_checkpoint("complete");
  const RunOutput plain = run(config);
  const RunOutput first = run(config, file);
  EXPECT_EQ(first.resumed_blocks, 0);
  EXPECT_TRUE(first.checkpoint_error.empty()) << first.checkpoint_error;
  ASSERT_TRUE(fs::exists(file)) << "the engine writes the checkpoint at the end; the caller deletes it";
  expect_same_run(plain, first);
  const RunOutput resumed = run(config, file);
  EXPECT_EQ(resumed.resumed_blocks, 19);  // ceil(300 / 16): nothing left to simulate
  expect_same_run(plain, resumed);
  fs::remove(file);
}

TEST(Checkpoint, CompletedBlocksAreLoadedNotRecomputed) {
  // A hand-made checkpoint holding blocks 0 and 2 with a sentinel value: the resumed run must keep
  // the sentinel in exactly those rows (paths 0-15 and 32-47) and simulate every other row.
  const Config config = testing::load_or_fail(testing::small_scenario_yaml());
  const std::string file = temp_checkpoint("partial");
  {
    PathRunner runner(config, 7);
    ColumnSet columns;
    runner.define_columns(columns);
    columns.allocate(300);
    SeriesCollector series(300, kFan, runner.months(), runner.line_items(), 19);
    for (size_t c = 0; c < columns.specs().size(); ++c)
      for (double& v : columns.mutable_column(static_cast<int>(c))) v = 12345.0;
    Checkpoint checkpoint(file, {config.resolved_yaml, 7, 300, 16, kFan, 0, 1}, 19, 0, 19);
    checkpoint.mark_done(0, 0);
    checkpoint.mark_done(2, 0);
    checkpoint.save(columns, series);
  }
  const RunOutput plain = run(config);
  const RunOutput resumed = run(config, file);
  EXPECT_EQ(resumed.resumed_blocks, 2);
  const int npv = resumed.columns.find("/paths/investor/npv");
  for (std::int64_t path = 0; path < 300; ++path) {
    const bool loaded = path < 16 || (path >= 32 && path < 48);
    const double expected = loaded ? 12345.0 : plain.columns.column(npv)[static_cast<size_t>(path)];
    EXPECT_EQ(resumed.columns.column(npv)[static_cast<size_t>(path)], expected) << "path " << path;
  }
  fs::remove(file);
}

std::string refusal(const Config& config, const std::string& file, std::uint64_t seed) {
  try {
    run(config, file, seed);
  } catch (const CheckpointError& e) {
    return e.what();
  }
  return "(accepted)";
}

TEST(Checkpoint, ACheckpointOfAnotherRunIsRefusedWithTheReason) {
  const Config config = testing::load_or_fail(testing::small_scenario_yaml());
  const std::string file = temp_checkpoint("mismatch");
  run(config, file);
  const std::string bytes = [&] {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  EXPECT_NE(refusal(config, file, 8).find("seed 7, not 8"), std::string::npos) << refusal(config, file, 8);
  const Config other = testing::load_or_fail(testing::small_scenario_yaml(), {"cohort.size=41"});
  EXPECT_NE(refusal(other, file, 7).find("the resolved scenario differs"), std::string::npos);
  const Config bigger = testing::load_or_fail(testing::small_scenario_yaml(), {"simulation.block_size=32"});
  EXPECT_NE(refusal(bigger, file, 7).find("different run"), std::string::npos);

  std::string damaged = bytes;
  damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x5a);
  std::ofstream(file, std::ios::binary) << damaged;
  EXPECT_NE(refusal(config, file, 7).find("damaged"), std::string::npos) << refusal(config, file, 7);
  std::ofstream(file, std::ios::binary) << bytes.substr(0, bytes.size() - 100);
  EXPECT_NE(refusal(config, file, 7).find("damaged"), std::string::npos);
  std::ofstream(file, std::ios::binary) << "not a checkpoint at all";
  EXPECT_NE(refusal(config, file, 7).find("not a sisim checkpoint"), std::string::npos);
  fs::remove(file);
}

}  // namespace
}  // namespace sisim::engine
