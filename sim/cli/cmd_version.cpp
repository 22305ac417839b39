// `sisim version`: what was built, from which commit, against which libraries.
#include <H5public.h>
#include <oneapi/tbb/version.h>
#include <yaml-cpp/yaml.h>

#include <Eigen/Core>
#include <cstdio>

#include "sim/cli/commands.hpp"
#include "sisim/version.hpp"

namespace sisim::cli {

int cmd_version(const Args&) {
  unsigned h5_major = 0, h5_minor = 0, h5_release = 0;
  H5get_libversion(&h5_major, &h5_minor, &h5_release);
  std::printf("sisim %s (git %s)\n", kVersion, kGitHash);
  std::printf("  compiler  %s\n", __VERSION__);
  std::printf("  HDF5      %u.%u.%u (all HDF5 calls from one writer thread)\n", h5_major, h5_minor,
              h5_release);
  std::printf("  oneTBB    %s\n", TBB_runtime_version());
  std::printf("  Eigen     %d.%d.%d\n", EIGEN_WORLD_VERSION, EIGEN_MAJOR_VERSION, EIGEN_MINOR_VERSION);
  std::printf("  yaml-cpp  %s\n", SISIM_YAML_CPP_VERSION);
#ifdef SISIM_WITH_MPI
  std::printf("  MPI       enabled\n");
#else
  std::printf("  MPI       not built (-DSISIM_WITH_MPI=ON)\n");
#endif
  return kExitOk;
}

}  // namespace sisim::cli
