// Every kind of object the writer stores must read back exactly (bit for bit for floats).
#include <cmath>
#include <cstring>
#include <limits>

#include "io_test_util.hpp"
#include "sim/io/h5_reader.hpp"
#include "sim/io/h5_writer.hpp"

namespace sisim::io {
namespace {

using test::ScratchDir;

bool same_bits(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0;
}

// A string longer than the 64 KiB attribute limit, with UTF-8 and newlines, like a resolved config.
std::string long_text() {
  std::string text;
  for (int i = 0; text.size() < 200 * 1024; ++i) text += "key_" + std::to_string(i) + ": Kø/Æble \"x\"\n";
  return text;
}

class RoundTrip : public ::testing::Test {
 protected:
  void SetUp() override {
    ResultWriter w(file_, false);
    w.set_root_attribute("schema_version", io::kResultSchemaVersion);
    w.set_root_attribute("sisim_version", "0.1.0");
    w.set_root_attribute("seed", std::numeric_limits<std::uint64_t>::max());
    w.set_root_attribute("offset", std::int64_t{-42});
    w.set_root_attribute("rate", 0.035);
    w.set_root_attribute("rate", 0.25);  // replaced, not duplicated
    w.write_column("/paths/investor/npv", doubles_, "DKK", "net present value");
    w.write_column("/paths/investor/irr_status", ints32_, "", "IRR status code");
    w.write_column("paths/outcomes/enrolled", ints64_, "people", "enrolled participants");
    w.write_column("/paths/empty", std::vector<double>{}, "DKK", "no paths");
    w.write_matrix("/timeseries/x", 3, 4, matrix_, "DKK", "a 3 x 4 table", {"a", "b", "c", "d"}, "year");
    w.write_string("/meta/config_yaml", text_, "resolved configuration");
    w.write_scalar("/summary/investor/irr/mean", 0.0712, "per year", "mean IRR");
    w.set_attribute("/timeseries", "note", "created by set_attribute");
    w.set_attribute("/timeseries/annual/new_group", "columns",
                    std::vector<std::string>{"benefit", "refusion"});
    for (const char* name : {"b", "a", "C"}) w.write_scalar(std::string("/order/") + name, 1.0, "", "");
    w.commit();
  }

  ScratchDir dir_;
  std::string file_ = dir_.file("result.h5");
  std::vector<double> doubles_{0.0,
                               -0.0,
                               1.0 / 3.0,
                               -1e308,
                               std::numeric_limits<double>::denorm_min(),
                               std::numeric_limits<double>::infinity(),
                               std::numeric_limits<double>::quiet_NaN()};
  std::vector<std::int32_t> ints32_{0, 1, 4, std::numeric_limits<std::int32_t>::min(),
                                    std::numeric_limits<std::int32_t>::max()};
  std::vector<std::int64_t> ints64_{std::numeric_limits<std::int64_t>::min(), -1, 0,
                                    std::numeric_limits<std::int64_t>::max()};
  std::vector<double> matrix_{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
  std::string text_ = long_text();
};

TEST_F(RoundTrip, DoubleColumnIsBitExact) {
  ResultReader r(file_);
  const auto back = r.read_doubles("/paths/investor/npv");
  ASSERT_EQ(back.size(), doubles_.size());
  for (std::size_t i = 0; i < back.size(); ++i) EXPECT_TRUE(same_bits(back[i], doubles_[i])) << i;
  EXPECT_EQ(r.attribute_string("/paths/investor/npv", "units"), "DKK");
  EXPECT_EQ(r.attribute_string("/paths/investor/npv", "description"), "net present value");
  EXPECT_EQ(r.shape("/paths/investor/npv"), std::vector<std::size_t>{doubles_.size()});
}

TEST_F(RoundTrip, IntegerColumnsKeepExtremesAndConvertToDouble) {
  ResultReader r(file_);
  const auto i32 = r.read_ints("/paths/investor/irr_status");
  EXPECT_EQ(i32, std::vector<std::int64_t>(ints32_.begin(), ints32_.end()));
  EXPECT_EQ(r.read_ints("/paths/outcomes/enrolled"), ints64_);
  // int32 values are exactly representable as doubles.
  const auto as_double = r.read_doubles("/paths/investor/irr_status");
  EXPECT_EQ(as_double, (std::vector<double>{0, 1, 4, -2147483648.0, 2147483647.0}));
  EXPECT_EQ(r.attribute_string("/paths/outcomes/enrolled", "units"), "people");
  // A float column is not silently truncated to integers.
  EXPECT_THROW(r.read_ints("/paths/investor/npv"), IoError);
}

TEST_F(RoundTrip, EmptyColumn) {
  ResultReader r(file_);
  EXPECT_TRUE(r.read_doubles("/paths/empty").empty());
  EXPECT_EQ(r.shape("/paths/empty"), std::vector<std::size_t>{0});
}

TEST_F(RoundTrip, MatrixWithLabels) {
  ResultReader r(file_);
  std::size_t rows = 0, cols = 0;
  EXPECT_EQ(r.read_matrix("/timeseries/x", rows, cols), matrix_);
  EXPECT_EQ(rows, 3u);
  EXPECT_EQ(cols, 4u);
  EXPECT_EQ(r.attribute_strings("/timeseries/x", "columns"), (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_EQ(r.attribute_string("/timeseries/x", "rows"), "year");
  EXPECT_THROW(r.read_matrix("/paths/investor/npv", rows, cols), IoError);  // rank 1
}

TEST_F(RoundTrip, LongStringAndScalar) {
  ResultReader r(file_);
  EXPECT_EQ(r.read_string("/meta/config_yaml"), text_);
  EXPECT_EQ(r.attribute_string("/meta/config_yaml", "description"), "resolved configuration");
  EXPECT_EQ(r.read_scalar("/summary/investor/irr/mean"), 0.0712);
  EXPECT_TRUE(r.shape("/summary/investor/irr/mean").empty());
  EXPECT_EQ(r.attribute_string("/summary/investor/irr/mean", "units"), "per year");
}

TEST_F(RoundTrip, RootAttributes) {
  ResultReader r(file_);
  EXPECT_EQ(r.attribute_int("/", "schema_version"), io::kResultSchemaVersion);
  EXPECT_EQ(r.attribute_string("/", "sisim_version"), "0.1.0");
  EXPECT_EQ(r.attribute_uint("/", "seed"), 18446744073709551615ull);  // 2^64 - 1, beyond a double
  EXPECT_EQ(r.attribute_int("/", "offset"), -42);
  EXPECT_THROW(r.attribute_uint("/", "offset"), IoError);
  EXPECT_EQ(r.attribute_number("/", "rate"), 0.25);
  EXPECT_EQ(r.attribute_number("/", "schema_version"), static_cast<double>(io::kResultSchemaVersion));
  EXPECT_THROW(r.attribute_number("/", "sisim_version"), IoError);
  EXPECT_FALSE(r.has_attribute("/", "missing"));
  EXPECT_THROW(r.attribute_string("/", "missing"), IoError);
}

TEST_F(RoundTrip, GroupsListingAndExistence) {
  ResultReader r(file_);
  EXPECT_EQ(r.list("/"), (std::vector<std::string>{"meta", "order", "paths", "summary", "timeseries"}));
  EXPECT_EQ(r.list("/order"), (std::vector<std::string>{"C", "a", "b"}));  // byte order
  EXPECT_EQ(r.list("/paths/investor"), (std::vector<std::string>{"irr_status", "npv"}));
  EXPECT_TRUE(r.exists("/paths/investor/npv"));
  EXPECT_TRUE(r.exists("paths/investor"));
  EXPECT_TRUE(r.is_group("/paths/investor"));
  EXPECT_FALSE(r.is_group("/paths/investor/npv"));
  EXPECT_FALSE(r.exists("/paths/nothing/deeper"));
  EXPECT_THROW(r.list("/paths/investor/npv"), IoError);
  EXPECT_THROW(r.read_doubles("/paths/nothing"), IoError);
  EXPECT_EQ(r.attribute_string("/timeseries", "note"), "created by set_attribute");
  EXPECT_TRUE(r.is_group("/timeseries/annual/new_group"));
  EXPECT_EQ(r.attribute_strings("/timeseries/annual/new_group", "columns"),
            (std::vector<std::string>{"benefit", "refusion"}));
  // A single string attribute reads as a one-element list.
  EXPECT_EQ(r.attribute_strings("/", "sisim_version"), std::vector<std::string>{"0.1.0"});
}

TEST(WriterMisuse, BadPathsAndDuplicatesAreErrors) {
  ScratchDir dir;
  ResultWriter w(dir.file("r.h5"), false);
  w.write_scalar("/a/b", 1.0, "", "");
  EXPECT_THROW(w.write_scalar("/a/b", 2.0, "", ""), IoError);    // written twice
  EXPECT_THROW(w.write_scalar("/a/b/c", 2.0, "", ""), IoError);  // parent is a dataset
  EXPECT_THROW(w.write_scalar("/a//c", 2.0, "", ""), IoError);   // empty component
  EXPECT_THROW(w.write_scalar("/", 2.0, "", ""), IoError);       // the root is a group
  EXPECT_THROW(w.write_matrix("/m", 2, 2, {1, 2, 3}, "", ""), std::invalid_argument);
  EXPECT_THROW(w.write_matrix("/m", 1, 2, {1, 2}, "", "", {"only one"}), std::invalid_argument);
  w.commit();
  EXPECT_THROW(w.commit(), IoError);
  EXPECT_THROW(w.write_scalar("/late", 1.0, "", ""), IoError);
}

}  // namespace
}  // namespace sisim::io
