// The number of paths that keep full series for the fan charts (sim/engine/series_collector.hpp):
// the request up to 180 months, then 4096 x 180 / horizon, never below 1,024 (or the request).
#include <gtest/gtest.h>

#include "sim/engine/series_collector.hpp"

namespace sisim::engine {
namespace {

TEST(FanPaths, FullUpTo180MonthsThenTheSameMemory) {
  EXPECT_EQ(fan_paths_for(4096, 60), 4096);
  EXPECT_EQ(fan_paths_for(4096, 180), 4096);
  EXPECT_EQ(fan_paths_for(4096, 360), 2048);  // 2048 x 360 = 4096 x 180 month-series
  EXPECT_EQ(fan_paths_for(4096, 540), 1365);  // floor(4096 x 180 / 540)
  EXPECT_EQ(fan_paths_for(4096, 720), 1024);
  EXPECT_EQ(fan_paths_for(4096, 1200), 1024);  // the floor: quantiles from at least 1,024 paths
  EXPECT_EQ(fan_paths_for(500, 720), 500);     // a smaller request is kept
}

}  // namespace
}  // namespace sisim::engine
