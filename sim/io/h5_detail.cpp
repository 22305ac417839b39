// HDF5 error handling shared by the writer and the reader.
#include <mutex>

#include "sim/io/h5_handle.hpp"
#include "sim/io/h5_path.hpp"
#include "sim/io/io_error.hpp"

namespace sisim::io::detail {

void h5_init() {
  static std::once_flag once;
  std::call_once(once, [] {
    H5open();
    // HDF5 prints every error stack to stderr by default; we report through IoError instead.
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  });
}

namespace {

herr_t collect_error(unsigned /*n*/, const H5E_error2_t* err, void* client) {
  auto* text = static_cast<std::string*>(client);
  if (err->desc == nullptr || err->desc[0] == '\0') return 0;
  if (!text->empty()) *text += ": ";
  *text += err->desc;
  return 0;
}

}  // namespace

std::string h5_error_text() {
  std::string text;
  // Downward = from the API call that failed to the innermost cause, so the line reads as
  // "what failed: why".
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, collect_error, &text);
  H5Eclear2(H5E_DEFAULT);
  return text.empty() ? std::string("unknown HDF5 error") : text;
}

H5Handle checked(hid_t id, H5Handle::Closer closer, const std::string& what) {
  if (id < 0) throw IoError(what + ": " + h5_error_text());
  return H5Handle(id, closer);
}

void check(herr_t status, const std::string& what) {
  if (status < 0) throw IoError(what + ": " + h5_error_text());
}

H5Handle vlen_string_type() {
  H5Handle type = checked(H5Tcopy(H5T_C_S1), H5Tclose, "cannot create string type");
  check(H5Tset_size(type.get(), H5T_VARIABLE), "cannot create string type");
  check(H5Tset_cset(type.get(), H5T_CSET_UTF8), "cannot create string type");
  return type;
}

bool path_exists(hid_t location, const std::string& path) {
  const auto parts = split_h5_path(path);
  for (std::size_t i = 1; i <= parts.size(); ++i) {
    const std::string prefix = join_h5_path(parts, i);
    const htri_t found = H5Lexists(location, prefix.c_str(), H5P_DEFAULT);
    check(found, "cannot look up '" + prefix + "'");
    if (found == 0) return false;
  }
  return true;
}

}  // namespace sisim::io::detail
