#include "sim/io/h5_path.hpp"

#include "sim/io/io_error.hpp"

namespace sisim::io::detail {

std::vector<std::string> split_h5_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t begin = (!path.empty() && path.front() == '/') ? 1 : 0;
  if (begin == path.size()) return parts;
  while (true) {
    const std::size_t end = path.find('/', begin);
    std::string part = path.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
    if (part.empty() || part == "." || part == "..") {
      throw IoError("invalid object path '" + path + "' (empty, '.' or '..' component)");
    }
    parts.push_back(std::move(part));
    if (end == std::string::npos) break;
    begin = end + 1;
  }
  return parts;
}

std::string join_h5_path(const std::vector<std::string>& parts, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count && i < parts.size(); ++i) out += "/" + parts[i];
  return out.empty() ? std::string("/") : out;
}

}  // namespace sisim::io::detail
