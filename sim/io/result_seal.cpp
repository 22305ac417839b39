#include "sim/io/result_seal.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string_view>
#include <vector>

#include "sim/io/crc64.hpp"
#include "sim/io/io_error.hpp"

namespace sisim::io {

namespace {

constexpr std::string_view kMagic = "SISIM-SEAL 1\n";

struct Seal {
  std::uint64_t bytes = 0;
  std::uint64_t crc = 0;
};

std::string format_seal(const Seal& seal) {
  return fmt::format("{}bytes {}\ncrc64-xz {:016x}\n", kMagic, seal.bytes, seal.crc);
}

// Parses the user block; false when it is not a seal of this version.
bool parse_seal(const char* block, Seal& seal) {
  if (std::string_view(block, kMagic.size()) != kMagic) return false;
  unsigned long long bytes = 0;
  unsigned long long crc = 0;
  const std::string text(block + kMagic.size(), block + kSealBytes);
  if (std::sscanf(text.c_str(), "bytes %llu\ncrc64-xz %16llx\n", &bytes, &crc) != 2) return false;
  seal.bytes = bytes;
  seal.crc = crc;
  // A seal is exactly what format_seal writes, followed by zeros: anything else was edited.
  char expected[kSealBytes] = {};
  const std::string canonical = format_seal(seal);
  std::memcpy(expected, canonical.data(), canonical.size());
  return std::memcmp(expected, block, kSealBytes) == 0;
}

std::uint64_t crc_of_stream(std::ifstream& in, std::uint64_t bytes) {
  Crc64 crc;
  std::vector<char> buffer(std::size_t{1} << 20);
  while (bytes > 0) {
    const auto chunk = static_cast<std::streamsize>(std::min<std::uint64_t>(bytes, buffer.size()));
    if (!in.read(buffer.data(), chunk)) break;
    crc.update(buffer.data(), static_cast<std::size_t>(chunk));
    bytes -= static_cast<std::uint64_t>(chunk);
  }
  return crc.value();
}

}  // namespace

std::string seal_text(std::uint64_t size, std::uint64_t crc) {
  std::string text = format_seal({size, crc});
  text.resize(kSealBytes, '\0');
  return text;
}

bool starts_with_seal(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[kMagic.size()] = {};
  return in.read(head, static_cast<std::streamsize>(kMagic.size())) &&
         std::string_view(head, kMagic.size()) == kMagic;
}

void verify_seal(const std::string& path) {
  const std::string what = "cannot open result file '" + path + "'";
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(what + ": cannot read it");
  in.seekg(0, std::ios::end);
  const auto size = static_cast<std::uint64_t>(in.tellg());
  in.seekg(0);
  char block[kSealBytes] = {};
  Seal seal;
  if (size < kSealBytes || !in.read(block, kSealBytes) || !parse_seal(block, seal)) {
    throw IoError(what +
                  ": not a sisim result file (no seal: sisim writes a 512-byte header with the file's "
                  "length and checksum before the HDF5 data; this file has none, so it was not written "
                  "by this version of sisim)");
  }
  if (seal.bytes != size) {
    throw IoError(what + ": truncated or corrupt result file (" + std::to_string(size) +
                  " bytes where its seal records " + std::to_string(seal.bytes) + ")");
  }
  if (crc_of_stream(in, size - kSealBytes) != seal.crc) {
    throw IoError(what +
                  ": truncated or corrupt result file (its checksum does not match: the bytes changed "
                  "after sisim wrote it; a file edited on purpose can be resealed, see docs/HDF5.md)");
  }
}

void reseal_result_file(const std::string& path) {
  const std::string what = "cannot reseal result file '" + path + "'";
  std::fstream file(path, std::ios::binary | std::ios::in | std::ios::out);
  if (!file) throw IoError(what + ": cannot open it read-write");
  file.seekg(0, std::ios::end);
  const auto size = static_cast<std::uint64_t>(file.tellg());
  char block[kSealBytes] = {};
  file.seekg(0);
  Seal seal;
  if (size < kSealBytes || !file.read(block, kSealBytes) || !parse_seal(block, seal)) {
    throw IoError(what + ": it has no sisim seal to renew (only files sisim wrote can be resealed)");
  }
  std::ifstream in(path, std::ios::binary);
  in.seekg(static_cast<std::streamoff>(kSealBytes));
  const std::string text = format_seal({size, crc_of_stream(in, size - kSealBytes)});
  char fresh[kSealBytes] = {};
  std::memcpy(fresh, text.data(), text.size());
  file.seekp(0);
  if (!file.write(fresh, kSealBytes) || !file.flush()) throw IoError(what + ": cannot write the seal");
}

}  // namespace sisim::io
