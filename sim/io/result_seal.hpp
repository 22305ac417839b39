#pragma once
// The seal of a result file: the first 512 bytes of every file sisim writes (an HDF5 user block,
// which HDF5 and h5py skip) record the file's length and a CRC-64 of everything after them.
//
// Why: HDF5 1.10 trusts the structure it reads, and a damaged or hostile file can make the library
// itself read out of bounds (found by the HDF5 fuzzer in H5Aexists on a flipped object header).
// sisim cannot fix the library, so it checks the bytes before HDF5 parses any of them: a file whose
// bytes changed after sisim wrote it is refused with a clear message instead. The seal detects
// damage, not forgery: whoever edits a file on purpose can reseal it (reseal_result_file).
#include <cstddef>
#include <cstdint>
#include <string>

namespace sisim::io {

// Size of the user block that holds the seal (HDF5 wants a power of two >= 512).
inline constexpr std::size_t kSealBytes = 512;

// The seal (kSealBytes long) of a file of `size` bytes whose bytes after the seal have CRC-64 `crc`.
std::string seal_text(std::uint64_t size, std::uint64_t crc);

// True when the file begins with a seal's first line (whether or not the rest matches).
bool starts_with_seal(const std::string& path);

// Throws IoError naming `path` unless the file carries a seal that matches its bytes. Messages:
// "not a sisim result file (no seal ...)" for an HDF5 file sisim did not write, and
// "truncated or corrupt result file (...)" for a wrong length or checksum.
void verify_seal(const std::string& path);

// Recomputes the seal of a file sisim wrote and someone then edited in place with HDF5 tools
// (h5py, h5repack keeps the user block with -u): sisim reads it again afterwards.
void reseal_result_file(const std::string& path);

}  // namespace sisim::io
