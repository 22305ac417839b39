#pragma once
// CRC-64/XZ (the ECMA-182 polynomial, reflected, as xz and the Go standard library compute it):
// the checksum of the result-file seal. A CRC rather than a cryptographic hash because the seal
// guards against damage (truncation, bit flips, a copy cut short), not against forgery; it
// detects every burst error up to 64 bits and runs at disk speed without a dependency.
#include <cstddef>
#include <cstdint>

namespace sisim::io {

class Crc64 {
 public:
  // Feeds `size` more bytes; calls may split the input anywhere.
  void update(const void* data, std::size_t size);
  std::uint64_t value() const { return ~state_; }

 private:
  std::uint64_t state_ = ~std::uint64_t{0};
};

}  // namespace sisim::io
