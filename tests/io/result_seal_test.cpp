// The seal in front of every result file (sim/io/result_seal.hpp): the CRC against its published
// check value, and every kind of damage refused before HDF5 parses a byte.
#include "sim/io/result_seal.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "io_test_util.hpp"
#include "sim/io/crc64.hpp"
#include "sim/io/h5_reader.hpp"
#include "sim/io/h5_writer.hpp"

namespace sisim::io {
namespace {

using test::open_error;
using test::read_bytes;
using test::ScratchDir;
using test::write_bytes;
using test::write_valid;

TEST(Crc64, PublishedCheckValue) {
  // CRC-64/XZ of "123456789" (the catalogue's check value, also Go's crc64.ECMA table result).
  Crc64 crc;
  crc.update("123456789", 9);
  EXPECT_EQ(crc.value(), 0x995DC9BBDF1939FAULL);
}

TEST(Crc64, SplitInputGivesTheSameValue) {
  Crc64 whole;
  whole.update("123456789", 9);
  Crc64 parts;
  parts.update("1234", 4);
  parts.update("", 0);
  parts.update("56789", 5);
  EXPECT_EQ(parts.value(), whole.value());
}

// The CRC by its definition, one bit at a time: reflected ECMA-182 polynomial, all-ones start
// and final inversion (the CRC-64/XZ catalogue entry). Slow and obviously right.
std::uint64_t crc64_bit_by_bit(const unsigned char* data, std::size_t size) {
  std::uint64_t crc = ~std::uint64_t{0};
  for (std::size_t i = 0; i < size; ++i) {
    crc ^= data[i];
    for (int bit = 0; bit < 8; ++bit) crc = (crc & 1U) ? (crc >> 1) ^ 0xC96C5795D7870F42ULL : crc >> 1;
  }
  return ~crc;
}

TEST(Crc64, EightBytesAtATimeMatchesTheDefinitionAtEveryLengthAlignmentAndSplit) {
  // The update takes eight bytes per step and the rest one by one: every length from 0 to 80 at
  // every start offset 0..7, and a 100,000-byte input split at uneven places.
  std::vector<unsigned char> data(100000 + 8);
  std::uint64_t x = 0x9E3779B97F4A7C15ULL;
  for (auto& b : data) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;  // xorshift64: any fixed bytes will do
    b = static_cast<unsigned char>(x >> 56);
  }
  for (std::size_t offset = 0; offset < 8; ++offset)
    for (std::size_t length = 0; length <= 80; ++length) {
      Crc64 crc;
      crc.update(data.data() + offset, length);
      ASSERT_EQ(crc.value(), crc64_bit_by_bit(data.data() + offset, length)) << offset << " " << length;
    }
  Crc64 parts;
  std::size_t at = 1;
  for (std::size_t step : {3u, 8u, 13u, 4096u, 7u, 50000u}) {
    parts.update(data.data() + at, step);
    at += step;
  }
  parts.update(data.data() + at, 100001 - at);
  EXPECT_EQ(parts.value(), crc64_bit_by_bit(data.data() + 1, 100000));
}

TEST(ResultSeal, WrittenFileStartsWithTheSealAndOpens) {
  ScratchDir dir;
  const std::string path = write_valid(dir, 5000);
  const std::string bytes = read_bytes(path);
  EXPECT_EQ(bytes.substr(0, 13), "SISIM-SEAL 1\n");
  EXPECT_NE(bytes.find(std::string("\x89HDF\r\n\x1a\n", 8)), std::string::npos);
  EXPECT_EQ(bytes.find(std::string("\x89HDF\r\n\x1a\n", 8)), kSealBytes);  // HDF5 data after the seal
  EXPECT_NE(bytes.find("bytes " + std::to_string(bytes.size()) + "\n"), std::string::npos);
  EXPECT_EQ(open_error(path), "(opened without error)");
}

TEST(ResultSeal, AnyFlippedBitIsRefused) {
  ScratchDir dir;
  const std::string good = read_bytes(write_valid(dir, 5000));
  // One bit in the superblock, one in an object header, one in the raw data, one at the end.
  for (const std::size_t at : {kSealBytes + 9, kSealBytes + 300, good.size() / 2, good.size() - 1}) {
    std::string bad = good;
    bad[at] = static_cast<char>(bad[at] ^ 0x10);
    const std::string path = dir.file("flipped.h5");
    write_bytes(path, bad);
    const std::string msg = open_error(path);
    EXPECT_NE(msg.find("truncated or corrupt result file (its checksum does not match"), std::string::npos)
        << "byte " << at << ": " << msg;
  }
}

TEST(ResultSeal, WrongLengthIsRefused) {
  ScratchDir dir;
  const std::string good = read_bytes(write_valid(dir, 5000));
  write_bytes(dir.file("short.h5"), good.substr(0, good.size() - 100));
  EXPECT_NE(
      open_error(dir.file("short.h5")).find("bytes where its seal records " + std::to_string(good.size())),
      std::string::npos);
  write_bytes(dir.file("long.h5"), good + "x");
  EXPECT_NE(open_error(dir.file("long.h5")).find("truncated or corrupt"), std::string::npos);
}

TEST(ResultSeal, EditedSealIsRefused) {
  ScratchDir dir;
  std::string bad = read_bytes(write_valid(dir, 5000));
  bad[200] = 'x';  // text after the seal's lines: not what sisim writes
  write_bytes(dir.file("edited.h5"), bad);
  EXPECT_NE(open_error(dir.file("edited.h5")).find("not a sisim result file (no seal"), std::string::npos);
}

TEST(ResultSeal, ResealAcceptsAnEditMadeOnPurpose) {
  ScratchDir dir;
  std::string edited = read_bytes(write_valid(dir, 5000));
  edited[edited.size() - 1] = static_cast<char>(edited[edited.size() - 1] ^ 1);
  const std::string path = dir.file("edited.h5");
  write_bytes(path, edited);
  ASSERT_NE(open_error(path), "(opened without error)");
  reseal_result_file(path);
  EXPECT_EQ(open_error(path), "(opened without error)");
}

TEST(ResultSeal, ResealRefusesAFileSisimDidNotWrite) {
  ScratchDir dir;
  write_bytes(dir.file("other.h5"), std::string(1000, 'a'));
  EXPECT_THROW(reseal_result_file(dir.file("other.h5")), IoError);
}

}  // namespace
}  // namespace sisim::io
