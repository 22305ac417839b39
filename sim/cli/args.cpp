#include "sim/cli/args.hpp"

#include <charconv>
#include <string_view>

namespace sisim::cli {
namespace {

template <typename T>
bool parse_number(std::string_view text, T& out) {
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && ptr == end;
}

}  // namespace

std::string usage_text() {
  return "usage: sisim <command> [options]\n"
         "commands:\n"
         "  run SCENARIO.yaml -o RESULTS.h5   simulate and write results (summary on stdout)\n"
         "  validate SCENARIO.yaml            print the resolved config, or every error\n"
         "  summarize RESULTS.h5 [--csv]      print the summary table of a result file\n"
         "  report RESULTS.h5 -o REPORT.html  write a self-contained HTML report\n"
         "  version                           version, git hash and library versions\n"
         "options:\n"
         "  -o, --output FILE   output file          --paths N      number of paths\n"
         "  --seed N            random seed          --threads N    worker threads (0 = all cores)\n"
         "  --set key.path=VALUE  override a config value (repeatable; VALUE is YAML)\n"
         "  --force             replace an existing output file\n"
         "  --quiet             no progress output   --csv          CSV summary (summarize)\n";
}

std::optional<Args> parse_args(int argc, char** argv, std::string& error) {
  Args args;
  for (int i = 0; i < argc; ++i) {
    if (i > 0) args.command_line += ' ';
    args.command_line += argv[i];
  }
  if (argc < 2) {
    error = "missing command";
    return std::nullopt;
  }
  args.command = argv[1];
  for (int i = 2; i < argc; ++i) {
    const std::string_view flag = argv[i];
    auto value = [&](std::string_view name) -> const char* {
      if (i + 1 >= argc) {
        error = std::string(name) + " needs a value";
        return nullptr;
      }
      return argv[++i];
    };
    if (flag == "-o" || flag == "--output") {
      const char* v = value(flag);
      if (!v) return std::nullopt;
      args.output = v;
    } else if (flag == "--paths") {
      const char* v = value(flag);
      std::int64_t n = 0;
      if (!v || !parse_number(v, n) || n < 1) {
        if (error.empty()) error = "--paths needs a positive integer";
        return std::nullopt;
      }
      args.paths = n;
    } else if (flag == "--seed") {
      const char* v = value(flag);
      std::uint64_t s = 0;
      if (!v || !parse_number(v, s)) {
        if (error.empty()) error = "--seed needs a non-negative integer";
        return std::nullopt;
      }
      args.seed = s;
    } else if (flag == "--threads") {
      const char* v = value(flag);
      if (!v || !parse_number(v, args.threads) || args.threads < 0) {
        if (error.empty()) error = "--threads needs a non-negative integer";
        return std::nullopt;
      }
    } else if (flag == "--set") {
      const char* v = value(flag);
      if (!v) return std::nullopt;
      if (std::string_view(v).find('=') == std::string_view::npos) {
        error = "--set needs key.path=value, got '" + std::string(v) + "'";
        return std::nullopt;
      }
      args.overrides.emplace_back(v);
    } else if (flag == "--force") {
      args.force = true;
    } else if (flag == "--quiet" || flag == "-q") {
      args.quiet = true;
    } else if (flag == "--csv") {
      args.csv = true;
    } else if (flag.size() > 1 && flag[0] == '-') {
      error = "unknown option '" + std::string(flag) + "'";
      return std::nullopt;
    } else {
      args.positional.emplace_back(flag);
    }
  }
  return args;
}

}  // namespace sisim::cli
