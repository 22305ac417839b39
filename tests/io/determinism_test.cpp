// Identical content written in the same order must give byte-identical files (no time stamps, no
// uninitialised bytes, no file names stored), so runs can be compared with cmp or h5diff.
#include <hdf5.h>
#include <malloc.h>

#include "io_test_util.hpp"
#include "sim/io/h5_reader.hpp"
#include "sim/io/h5_writer.hpp"

namespace sisim::io {
namespace {

using test::read_bytes;
using test::ScratchDir;

// A result-shaped file; `variant` changes a few values so a differing file can be made on purpose.
void write_sample(const std::string& path, int variant) {
  ResultWriter w(path, true);
  w.set_root_attribute("schema_version", io::kResultSchemaVersion);
  w.set_root_attribute("seed", std::uint64_t{20240101u + static_cast<unsigned>(variant)});
  w.set_root_attribute("created", "1970-01-01T00:00:00Z");
  w.write_string("/meta/config_yaml", std::string(70000, 'y') + std::to_string(variant), "config");
  std::vector<double> npv(1000);
  for (std::size_t i = 0; i < npv.size(); ++i) npv[i] = static_cast<double>(i) * 0.5 - variant;
  w.write_column("/paths/investor/npv", npv, "DKK", "NPV");
  w.write_column("/paths/investor/irr_status", std::vector<std::int32_t>(1000, variant), "", "status");
  w.write_column("/paths/outcomes/enrolled", std::vector<std::int64_t>(1000, 90), "people", "enrolled");
  w.write_matrix("/timeseries/investor/cumulative_cash", 4, 9, std::vector<double>(36, 1.0 + variant), "DKK",
                 "fan", {"q01", "q05", "q10", "q25", "q50", "q75", "q90", "q95", "q99"}, "month");
  w.write_scalar("/summary/investor/npv/mean", 3.0 + variant, "DKK", "mean");
  w.commit();
}

TEST(Determinism, SameContentGivesByteIdenticalFiles) {
  ScratchDir dir;
  write_sample(dir.file("a.h5"), 0);
  write_sample(dir.file("b.h5"), 1);  // different content in between: reuses HDF5's freed memory
  // glibc fills fresh allocations with a byte pattern: any uninitialised memory that reached
  // the file would now differ from the first file.
  mallopt(M_PERTURB, 0xA5);
  write_sample(dir.file("c.h5"), 0);
  mallopt(M_PERTURB, 0);
  const std::string a = read_bytes(dir.file("a.h5"));
  ASSERT_GT(a.size(), 70000u);
  EXPECT_TRUE(a == read_bytes(dir.file("c.h5")));
  EXPECT_FALSE(a == read_bytes(dir.file("b.h5")));  // the comparison can fail
}

herr_t collect_times(hid_t, const char* name, const H5O_info_t* info, void* out) {
  if (info->atime != 0 || info->mtime != 0 || info->ctime != 0 || info->btime != 0) {
    static_cast<std::vector<std::string>*>(out)->push_back(name);
  }
  return 0;
}

// Objects (root included) that carry any time stamp.
std::vector<std::string> stamped_objects(const std::string& path) {
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  EXPECT_GE(file, 0);
  std::vector<std::string> stamped;
  H5Ovisit2(file, H5_INDEX_NAME, H5_ITER_INC, collect_times, &stamped, H5O_INFO_TIME);
  H5Fclose(file);
  return stamped;
}

TEST(Determinism, NoObjectCarriesTimeStamps) {
  ScratchDir dir;
  write_sample(dir.file("a.h5"), 0);
  EXPECT_TRUE(stamped_objects(dir.file("a.h5")).empty());

  // Control for the check itself: HDF5's own intermediate-group creation on a 1.8-format file
  // stamps the groups (the reason the writer creates parent groups itself).
  const std::string control = dir.file("control.h5");
  const hid_t fapl = H5Pcreate(H5P_FILE_ACCESS);
  H5Pset_libver_bounds(fapl, H5F_LIBVER_V18, H5F_LIBVER_V18);
  const hid_t file = H5Fcreate(control.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, fapl);
  const hid_t lcpl = H5Pcreate(H5P_LINK_CREATE);
  H5Pset_create_intermediate_group(lcpl, 1);
  const hid_t group = H5Gcreate2(file, "/x/y", lcpl, H5P_DEFAULT, H5P_DEFAULT);
  H5Gclose(group);
  H5Pclose(lcpl);
  H5Fclose(file);
  H5Pclose(fapl);
  EXPECT_FALSE(stamped_objects(control).empty());
}

}  // namespace
}  // namespace sisim::io
