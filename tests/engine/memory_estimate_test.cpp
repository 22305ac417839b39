// The memory check's estimate follows the result layout (issue 16): it counts the columns a run
// registers, the file image at each column's file size, and whether the writer frees the columns
// as the image grows (`sisim run`) or holds both (stress, tornado, Python's write).
#include "sim/engine/memory_estimate.hpp"

#include <gtest/gtest.h>

#include "config/loader.hpp"
#include "sim/engine/path_runner.hpp"

namespace sisim::engine {

using config::Config;
using config::load_config;
using config::LoadResult;

namespace {

TEST(MemoryEstimate, AMillionPathsOfTheBaseScenarioFitIn1GiBWhenColumnsAreFreedWhileWriting) {
  const LoadResult loaded = load_config(std::string(SISIM_SOURCE_DIR) + "/scenarios/herning-viborg.yaml");
  ASSERT_TRUE(loaded.ok());
  const Config& config = *loaded.config;
  ColumnSet columns;
  PathRunner(config, 1).define_columns(columns);
  double column_bytes = 0, image_bytes = 0;  // a path's row in memory (doubles) and in the file
  for (const auto& spec : columns.specs()) {
    column_bytes += 8;
    image_bytes += spec.type == io::ElementType::float64 ? 8 : spec.type == io::ElementType::int32 ? 4 : 1;
  }
  RunOptions options;
  options.paths = 1000000;
  options.threads = 2;
  const double paths = 1e6;
  const MemoryEstimate freed = estimate_memory(config, options, 1, true);
  const MemoryEstimate held = estimate_memory(config, options, 1, false);
  // Holding both: at least every column in memory plus the whole image.
  EXPECT_GE(held.results, paths * (column_bytes + image_bytes));
  // Freeing: at least the columns (before the write), and the image no longer adds to them...
  EXPECT_GE(freed.results, paths * column_bytes);
  EXPECT_LE(freed.results, held.results - paths * image_bytes + 1.0);
  // ...which is what brings the run under 1 GiB (measured: 725,488 KB peak RSS, BENCHMARKS.md).
  EXPECT_LT(freed.total(), 1024.0 * 1024 * 1024);
  EXPECT_GT(held.total(), 1024.0 * 1024 * 1024);
  // Flags take one byte in the file: the image is smaller than the columns in memory.
  EXPECT_LT(image_bytes, column_bytes);
}

}  // namespace
}  // namespace sisim::engine
