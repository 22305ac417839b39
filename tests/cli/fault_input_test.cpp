// Bad input files for summarize and report: a truncated result, an HDF5 file that is not a sisim
// result, a text file and an empty file each give a clear error and exit 65, and report writes
// nothing.
#include <gtest/gtest.h>
#include <hdf5.h>

#include "fault_test_util.hpp"

namespace sisim {
namespace {

namespace fs = std::filesystem;
using testing::run_command;

// A valid HDF5 file with a dataset, but none of sisim's layout.
void write_foreign_hdf5(const fs::path& path) {
  const hid_t file = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  const hsize_t dims[1] = {3};
  const hid_t space = H5Screate_simple(1, dims, nullptr);
  const hid_t set =
      H5Dcreate2(file, "/temperatures", H5T_NATIVE_DOUBLE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  const double values[3] = {1.0, 2.0, 3.0};
  H5Dwrite(set, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values);
  H5Dclose(set);
  H5Sclose(space);
  H5Fclose(file);
}

struct BadFile {
  std::string name;
  std::string reason;  // a phrase the error must contain
};

TEST(FaultInput, SummarizeAndReportRefuseBadFilesWithAReason) {
  const fs::path dir = testing::temp_folder("fault-input");
  const fs::path good = dir / "good.h5";
  const auto run = run_command(testing::sisim_binary() + " run " + testing::kScenario + " -o " +
                               good.string() + " --paths 200 --quiet");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const std::string bytes = testing::read_file(good);
  testing::write_file(dir / "truncated.h5", bytes.substr(0, bytes.size() * 3 / 4));
  testing::write_file(dir / "header_only.h5", bytes.substr(0, 512));
  testing::write_file(dir / "text.h5", "not HDF5 at all\n");
  testing::write_file(dir / "empty.h5", "");
  write_foreign_hdf5(dir / "foreign.h5");
  const std::vector<BadFile> bad = {
      {"truncated.h5", "truncated or corrupt"},  {"header_only.h5", "truncated or corrupt"},
      {"text.h5", "not an HDF5 file"},           {"empty.h5", "not an HDF5 file"},
      {"foreign.h5", "not a sisim result file"}, {"missing.h5", "no such file"}};
  for (const auto& [name, reason] : bad) {
    SCOPED_TRACE(name);
    const std::string file = (dir / name).string();
    const auto s = run_command(testing::sisim_binary() + " summarize " + file);
    EXPECT_EQ(s.exit_code, 65) << s.output;
    EXPECT_NE(s.output.find(reason), std::string::npos) << s.output;
    EXPECT_NE(s.output.find(name), std::string::npos) << "the error names the file: " << s.output;
    const fs::path html = dir / (name + ".html");
    const auto r = run_command(testing::sisim_binary() + " report " + file + " -o " + html.string());
    EXPECT_EQ(r.exit_code, 65) << r.output;
    EXPECT_NE(r.output.find(reason), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(html));
  }
  EXPECT_EQ(testing::entries(dir).size(), 6u) << "no report or temporary file was left";
}

}  // namespace
}  // namespace sisim
