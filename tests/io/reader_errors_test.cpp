// Opening anything that is not a complete sisim result file gives an IoError naming the problem.
#include <hdf5.h>

#include "io_test_util.hpp"
#include "sim/io/h5_reader.hpp"
#include "sim/io/h5_writer.hpp"

namespace sisim::io {
namespace {

using test::open_error;
using test::read_bytes;
using test::ScratchDir;
using test::write_bytes;
using test::write_valid;

void expect_error(const std::string& path, const std::string& words) {
  const std::string msg = open_error(path);
  EXPECT_NE(msg.find(words), std::string::npos) << "expected '" << words << "' in: " << msg;
  EXPECT_NE(msg.find(path), std::string::npos) << "message should name the file: " << msg;
}

TEST(ReaderErrors, ValidFileOpens) {
  ScratchDir dir;
  EXPECT_EQ(open_error(write_valid(dir, 20000)), "(opened without error)");
}

TEST(ReaderErrors, MissingFile) {
  ScratchDir dir;
  expect_error(dir.file("nope.h5"), "no such file");
}

TEST(ReaderErrors, TextFile) {
  ScratchDir dir;
  write_bytes(dir.file("notes.h5"), "schema_version: 1\nthis is YAML, not HDF5\n");
  expect_error(dir.file("notes.h5"), "not an HDF5 file");
}

TEST(ReaderErrors, EmptyFile) {
  ScratchDir dir;
  write_bytes(dir.file("empty.h5"), "");
  expect_error(dir.file("empty.h5"), "not an HDF5 file");
}

TEST(ReaderErrors, TruncatedCopy) {
  ScratchDir dir;
  const std::string full = read_bytes(write_valid(dir, 20000));
  ASSERT_GT(full.size(), 160000u);  // the 20000 doubles are really in the file
  write_bytes(dir.file("half.h5"), full.substr(0, full.size() / 2));
  expect_error(dir.file("half.h5"), "truncated or corrupt");
}

TEST(ReaderErrors, GarbageAfterSignature) {
  ScratchDir dir;
  // The 8-byte HDF5 format signature followed by nonsense instead of a superblock.
  write_bytes(dir.file("bad.h5"), std::string("\x89HDF\r\n\x1a\n", 8) + std::string(4096, '\x7f'));
  expect_error(dir.file("bad.h5"), "not a sisim result file (no seal");
}

TEST(ReaderErrors, ForeignHdf5File) {
  ScratchDir dir;
  const std::string path = dir.file("foreign.h5");
  const hid_t file = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  const hid_t group = H5Gcreate2(file, "/data", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  H5Gclose(group);
  H5Fclose(file);
  expect_error(path, "not a sisim result file");
}

TEST(ReaderErrors, Folder) {
  ScratchDir dir;
  expect_error(dir.path().string(), "not a regular file");
}

}  // namespace
}  // namespace sisim::io
