// libFuzzer target: the config loader on arbitrary bytes. Errors are the expected outcome; a crash,
// a hang, a leak or a sanitizer report is a bug. Each bug found gets a file in
// tests/data/config/fuzz_regressions/ (see tests/config/fuzz_regressions_test.cpp).
//
// Input format: the bytes are the YAML document, except that leading lines of the form
// "#set key.path=value" are also passed as --set overrides, so the override path is fuzzed too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "config/loader.hpp"

namespace {

// `extends:` reads files. Device and process files can block or never end (/dev/zero,
// /dev/stdin), which would be a hang in the harness, not in the loader: such inputs are skipped.
bool names_a_special_file(std::string_view text) {
  for (const char* bad : {"dev/", "proc/", "sys/", "fd/"})
    if (text.find(bad) != std::string_view::npos) return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (names_a_special_file(text)) return 0;
  std::vector<std::string> overrides;
  std::size_t pos = 0;
  while (text.compare(pos, 5, "#set ") == 0 && overrides.size() < 4) {
    const std::size_t end = text.find('\n', pos);
    overrides.push_back(text.substr(pos + 5, end == std::string::npos ? std::string::npos : end - pos - 5));
    if (end == std::string::npos) break;
    pos = end + 1;
  }
  // The virtual file sits in the good-config folder, so `extends: base.yaml` finds a real parent.
  const sisim::config::LoadResult r =
      sisim::config::load_config_from_string(text, SISIM_FUZZ_DATA_DIR "/fuzz-input.yaml", overrides);
  if (!r.ok()) {
    // Formatting every error must work too (sorting, line/column rendering).
    volatile std::size_t n = sisim::config::format_errors(r.errors).size();
    (void)n;
  }
  return 0;
}
