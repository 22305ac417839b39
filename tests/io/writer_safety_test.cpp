// The writer never leaves a partial file under the final name and never damages an earlier result.
#include <signal.h>
#include <sys/resource.h>

#include <functional>

#include "io_test_util.hpp"
#include "sim/io/h5_reader.hpp"
#include "sim/io/h5_writer.hpp"

namespace sisim::io {
namespace {

using test::read_bytes;
using test::ScratchDir;
using test::write_bytes;

const std::string kOld = "an earlier result, not HDF5, must survive byte for byte\n";

void write_minimal(ResultWriter& w, double value) {
  w.set_root_attribute("schema_version", io::kResultSchemaVersion);
  w.write_scalar("/value", value, "", "");
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const IoError& e) {
    return e.what();
  }
  return "(no IoError thrown)";
}

TEST(WriterSafety, RefusesToClobberWithoutForce) {
  ScratchDir dir;
  const std::string path = dir.file("out.h5");
  write_bytes(path, kOld);
  const std::string msg = message_of([&] { ResultWriter w(path, false); });
  EXPECT_NE(msg.find("already exists"), std::string::npos) << msg;
  EXPECT_NE(msg.find("--force"), std::string::npos) << msg;
  EXPECT_EQ(read_bytes(path), kOld);
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"out.h5"});  // no temporary file left
}

TEST(WriterSafety, ForceReplacesOnlyAtCommit) {
  ScratchDir dir;
  const std::string path = dir.file("out.h5");
  write_bytes(path, kOld);
  {
    ResultWriter w(path, true);
    write_minimal(w, 7.5);
    EXPECT_EQ(read_bytes(path), kOld);  // still the old result while writing
    EXPECT_EQ(dir.entries().size(), 2u);
    EXPECT_TRUE(std::filesystem::exists(w.temp_path()));
    EXPECT_EQ(std::filesystem::path(w.temp_path()).parent_path(), dir.path());  // same folder
    w.commit();
    EXPECT_FALSE(std::filesystem::exists(w.temp_path()));
  }
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"out.h5"});
  EXPECT_EQ(ResultReader(path).read_scalar("/value"), 7.5);
}

TEST(WriterSafety, UncommittedWriterRemovesTempAndKeepsOldFile) {
  ScratchDir dir;
  const std::string path = dir.file("out.h5");
  write_bytes(path, kOld);
  std::string temp;
  try {
    ResultWriter w(path, true);
    temp = w.temp_path();
    write_minimal(w, 1.0);
    throw std::runtime_error("simulated failure before commit");
  } catch (const std::runtime_error&) {
  }
  EXPECT_FALSE(temp.empty());
  EXPECT_FALSE(std::filesystem::exists(temp));
  EXPECT_EQ(read_bytes(path), kOld);
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"out.h5"});
}

TEST(WriterSafety, UncommittedNewFileLeavesNothing) {
  ScratchDir dir;
  { ResultWriter w(dir.file("new.h5"), false); }
  EXPECT_TRUE(dir.entries().empty());
}

// Running as root, permission bits do not stop us; these targets fail for structural reasons.
TEST(WriterSafety, MissingFolderIsAnErrorAndCreatesNothing) {
  ScratchDir dir;
  const std::string msg = message_of([&] { ResultWriter w(dir.file("missing/sub/out.h5"), true); });
  EXPECT_NE(msg.find("does not exist"), std::string::npos) << msg;
  EXPECT_TRUE(dir.entries().empty());
}

TEST(WriterSafety, FolderThatIsARegularFileIsAnError) {
  ScratchDir dir;
  write_bytes(dir.file("plain"), kOld);
  const std::string msg = message_of([&] { ResultWriter w(dir.file("plain/out.h5"), true); });
  EXPECT_NE(msg.find("cannot write"), std::string::npos) << msg;
  EXPECT_EQ(read_bytes(dir.file("plain")), kOld);
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"plain"});
}

TEST(WriterSafety, FinalPathThatIsAFolderIsRefusedEvenWithForce) {
  ScratchDir dir;
  std::filesystem::create_directory(dir.file("out.h5"));
  const std::string msg = message_of([&] { ResultWriter w(dir.file("out.h5"), true); });
  EXPECT_NE(msg.find("is a folder"), std::string::npos) << msg;
  EXPECT_TRUE(std::filesystem::is_directory(dir.file("out.h5")));
}

TEST(WriterSafety, FolderWhereFilesCannotBeCreated) {
  // procfs refuses new files even for root: the probe file fails before anything is written.
  const std::string path = "/proc/sisim-io-test-" + std::to_string(::getpid()) + ".h5";
  const std::string msg = message_of([&] { ResultWriter w(path, false); });
  EXPECT_NE(msg.find("cannot create a file in folder '/proc'"), std::string::npos) << msg;
  EXPECT_FALSE(std::filesystem::exists(path));
}

// Simulates a full disk: a file-size limit makes write() fail (EFBIG) past 64 KiB, for root too.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    getrlimit(RLIMIT_FSIZE, &saved_);
    old_handler_ = signal(SIGXFSZ, SIG_IGN);  // get EFBIG instead of being killed
    rlimit limit = saved_;
    limit.rlim_cur = bytes;
    setrlimit(RLIMIT_FSIZE, &limit);
  }
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &saved_);
    signal(SIGXFSZ, old_handler_);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;

 private:
  rlimit saved_{};
  sighandler_t old_handler_{};
};

TEST(WriterSafety, DiskFullGivesIoErrorAndKeepsOldResult) {
  ScratchDir dir;
  const std::string path = dir.file("out.h5");
  write_bytes(path, kOld);
  const std::vector<double> big(256 * 1024, 1.5);  // 2 MiB of data
  std::string msg;
  {
    FileSizeLimit limit(64 * 1024);
    msg = message_of([&] {
      ResultWriter w(path, true);
      write_minimal(w, 2.0);
      w.write_column("/paths/big", big, "DKK", "too big for the disk");
      w.commit();
    });
  }
  EXPECT_NE(msg, "(no IoError thrown)");
  EXPECT_NE(msg.find(dir.path().string()), std::string::npos) << msg;  // names the file
  EXPECT_EQ(read_bytes(path), kOld);
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"out.h5"});
  // Control: the same content fits without the limit, so the failure above came from the limit.
  ResultWriter w(path, true);
  write_minimal(w, 2.0);
  w.write_column("/paths/big", big, "DKK", "fits");
  w.commit();
  EXPECT_EQ(ResultReader(path).read_doubles("/paths/big"), big);
}

}  // namespace
}  // namespace sisim::io
