#include "sim/io/crc64.hpp"

#include <array>

namespace sisim::io {

namespace {

// Byte-at-a-time table of the reflected polynomial 0xC96C5795D7870F42.
constexpr std::array<std::uint64_t, 256> make_table() {
  std::array<std::uint64_t, 256> table{};
  for (std::uint64_t byte = 0; byte < 256; ++byte) {
    std::uint64_t crc = byte;
    for (int bit = 0; bit < 8; ++bit) crc = (crc & 1U) ? (crc >> 1) ^ 0xC96C5795D7870F42ULL : crc >> 1;
    table[byte] = crc;
  }
  return table;
}

constexpr std::array<std::uint64_t, 256> kTable = make_table();

}  // namespace

void Crc64::update(const void* data, std::size_t size) {
  const auto* bytes = static_cast<const unsigned char*>(data);
  std::uint64_t crc = state_;
  for (std::size_t i = 0; i < size; ++i) crc = kTable[(crc ^ bytes[i]) & 0xFFU] ^ (crc >> 8);
  state_ = crc;
}

}  // namespace sisim::io
