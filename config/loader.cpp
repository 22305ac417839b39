// load_config: compose the document (extends, --set), read it against the schema, resolve it.

#include "config/detail/compose.hpp"
#include "config/detail/schema.hpp"

namespace sisim::config {

LoadResult load_config_from_string(const std::string& yaml, const std::string& virtual_name,
                                   const std::vector<std::string>& overrides) {
  LoadResult result;
  std::vector<std::string> parents;
  std::optional<detail::YNode> doc = detail::compose_document(yaml, virtual_name, result.errors, &parents);
  if (!doc) return result;  // syntax error: nothing more can be checked
  std::vector<ConfigError> override_errors = detail::apply_overrides(*doc, overrides);
  result.errors.insert(result.errors.end(), override_errors.begin(), override_errors.end());
  detail::Reader reader;
  Config config = detail::read_config(reader, *doc);
  result.errors.insert(result.errors.end(), reader.errors.begin(), reader.errors.end());
  if (!result.errors.empty()) return result;
  config.source_file = virtual_name;
  config.extended_files = std::move(parents);
  config.resolved_yaml = resolved_yaml(config);
  result.config = std::move(config);
  return result;
}

LoadResult load_config(const std::string& path, const std::vector<std::string>& overrides) {
  LoadResult result;
  const std::optional<std::string> text = detail::read_config_file(path, result.errors);
  if (!text) return result;
  return load_config_from_string(*text, path, overrides);
}

}  // namespace sisim::config
