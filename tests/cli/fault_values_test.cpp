// Values and signals (issue 12, classes 3 and 4): what a run will do is checked before it starts
// (derived loop bounds, memory, shifts that would not be applied, threads recorded truthfully, the
// full seed range), and signals stop it promptly and keep its checkpoint.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "fault_test_util.hpp"
#include "sim/io/h5_reader.hpp"

namespace sisim {
namespace {

namespace fs = std::filesystem;
using testing::run_command;

std::string bin() {
  return testing::sisim_binary();
}

// A refusion class starting at 50,000 weeks is never reached within the horizon; the month count
// that finds its start is bounded (1e10 weeks once overflowed an int and never ended).
TEST(FaultValues, ARefusionStepFarBeyondTheHorizonRunsAndAHugeOneIsRefused) {
  const fs::path dir = testing::temp_folder("values-ladder");
  const auto started = std::chrono::steady_clock::now();
  const auto ok = run_command(bin() + " run " + testing::kScenario + " -o " + (dir / "r.h5").string() +
                              " --paths 4 --quiet --set 'public.refusion.ladder=[{from_week: 0, rate: 0.8}, "
                              "{from_week: 50000, rate: 0.2}]'");
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(), 60.0);
  const auto refused = run_command(bin() + " validate " + testing::kScenario +
                                   " --set 'public.refusion.ladder=[{from_week: 0, rate: 0.8}, "
                                   "{from_week: 1e10, rate: 0.2}]'");
  EXPECT_EQ(refused.exit_code, 65) << refused.output;
  EXPECT_NE(refused.output.find("must be in [0, 52000]"), std::string::npos) << refused.output;
}

TEST(FaultValues, StressAndSweepOverSimulationSettingsAreRefused) {
  const fs::path dir = testing::temp_folder("values-shift-simulation");
  for (const std::string key : {"simulation.seed", "simulation.paths", "simulation.block_size"}) {
    SCOPED_TRACE(key);
    testing::write_file(dir / "cases.yaml",
                        "cases:\n  - name: other\n    shifts:\n      - {path: " + key + ", set: 7}\n");
    const auto stress =
        run_command(bin() + " stress " + testing::kScenario + " --cases " + (dir / "cases.yaml").string() +
                    " -o " + (dir / "s.h5").string() + " --paths 10 --quiet");
    EXPECT_EQ(stress.exit_code, 65) << stress.output;
    EXPECT_NE(stress.output.find(key + " cannot be stressed or swept"), std::string::npos) << stress.output;
    testing::write_file(dir / "sweep.yaml", "scenario: " + testing::kScenario + "\ngrid:\n  - {path: " + key +
                                                ", values: [1, 2]}\n");
    const auto sweep = run_command(bin() + " sweep " + (dir / "sweep.yaml").string() + " -o " +
                                   (dir / "w.h5").string() + " --paths 10 --quiet");
    EXPECT_EQ(sweep.exit_code, 65) << sweep.output;
    EXPECT_NE(sweep.output.find(key + " cannot be stressed or swept"), std::string::npos) << sweep.output;
  }
  EXPECT_EQ(testing::entries(dir), (std::set<std::string>{"cases.yaml", "sweep.yaml"}));
}

// A cohort of 1e8 needs about 13 GB per thread: with 4 GB of address space the run is refused
// before it starts, with the figures, instead of dying of std::bad_alloc after minutes.
TEST(FaultValues, ARunThatCannotFitInMemoryIsRefusedBeforeItStarts) {
  const fs::path dir = testing::temp_folder("values-memory");
  const auto started = std::chrono::steady_clock::now();
  const auto r = run_command("bash -c 'ulimit -v 4000000; " + bin() + " run " + testing::kScenario + " -o " +
                             (dir / "r.h5").string() + " --paths 10 --quiet --set cohort.size=100000000'");
  EXPECT_EQ(r.exit_code, 74) << r.output;
  EXPECT_NE(r.output.find("this run needs about"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("is available"), std::string::npos) << r.output;
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(), 10.0);
  EXPECT_TRUE(testing::entries(dir).empty());
}

TEST(FaultValues, TheThreadCountRecordedIsTheOneThatRan) {
  const fs::path dir = testing::temp_folder("values-threads");
  const fs::path out = dir / "r.h5";
  const auto r = run_command(bin() + " run " + testing::kScenario + " -o " + out.string() +
                             " --paths 20 --quiet --threads 10000");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::int64_t threads = io::ResultReader(out.string()).attribute_int("/", "threads");
  EXPECT_GE(threads, 1);
  EXPECT_LE(threads, static_cast<std::int64_t>(std::thread::hardware_concurrency()));
  EXPECT_NE(r.output.find("--threads 10000 asked for more threads"), std::string::npos) << r.output;
}

// The YAML seed takes the whole unsigned 64-bit range, like --seed.
TEST(FaultValues, TheYamlSeedTakesEverySeedThatTheCommandLineTakes) {
  const fs::path dir = testing::temp_folder("values-seed");
  const fs::path out = dir / "r.h5";
  const auto r = run_command(bin() + " run " + testing::kScenario + " -o " + out.string() +
                             " --paths 5 --quiet --set simulation.seed=18446744073709551615");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(io::ResultReader(out.string()).attribute_uint("/", "seed"), 18446744073709551615ull);
}

// SIGHUP (a closed terminal) stops the run like Ctrl-C and saves the checkpoint; the next run
// resumes from it and deletes temporary files that killed processes left behind.
TEST(FaultSignal, SighupSavesTheCheckpointAndStaleTemporariesAreRemoved) {
  const fs::path dir = testing::temp_folder("signal-hup");
  const fs::path out = dir / "r.h5", checkpoint = dir / "r.h5.ckpt";
  const std::string command = bin() + " run " + testing::kScenario + " -o " + out.string() +
                              " --paths 400000 --quiet --checkpoint --set simulation.block_size=16";
  const auto stopped = testing::run_and_signal(command, "HUP", 2.0);
  EXPECT_EQ(stopped.exit_code, 130) << stopped.output;
  EXPECT_TRUE(fs::exists(checkpoint)) << stopped.output;
  // Left by processes that no longer exist (a pid no process can have).
  testing::write_file(dir / "r.h5.ckpt.tmp-2147483646", "stale");
  testing::write_file(dir / ".r.h5.tmp-2147483646-0", "stale");
  const auto resumed = testing::run_and_signal(command, "TERM", 1.0);
  EXPECT_EQ(resumed.exit_code, 130) << resumed.output;
  EXPECT_FALSE(fs::exists(dir / "r.h5.ckpt.tmp-2147483646"));
  EXPECT_FALSE(fs::exists(dir / ".r.h5.tmp-2147483646-0"));
  EXPECT_EQ(testing::entries(dir), std::set<std::string>{"r.h5.ckpt"});
}

// A block of large cohorts takes long; the cancel flag is checked between paths and every 1,024
// participants, so SIGTERM ends a run of 200,000-person cohorts within seconds, not after the block.
TEST(FaultSignal, CancellationInsideABlockIsPrompt) {
  const fs::path dir = testing::temp_folder("signal-latency");
  const std::string command = bin() + " run " + testing::kScenario + " -o " + (dir / "r.h5").string() +
                              " --paths 64 --quiet --threads 1 --set cohort.size=200000 "
                              "--set simulation.block_size=64";
  const auto started = std::chrono::steady_clock::now();
  const auto r = testing::run_and_signal(command, "TERM", 1.0);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_EQ(r.exit_code, 130) << r.output;
  EXPECT_LT(seconds, 6.0) << "stopped " << seconds - 1.0 << " s after SIGTERM";
  EXPECT_TRUE(testing::entries(dir).empty());
}

}  // namespace
}  // namespace sisim
