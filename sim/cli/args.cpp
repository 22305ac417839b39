#include "sim/cli/args.hpp"

#include <charconv>
#include <map>
#include <set>
#include <string_view>

namespace sisim::cli {
namespace {

template <typename T>
bool parse_number(std::string_view text, T& out) {
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && ptr == end;
}

// "a:b" (half-open) or "a:" (to the last point).
bool parse_points(std::string_view text, Args& args) {
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos) return false;
  std::int64_t a = 0, b = 0;
  if (!parse_number(text.substr(0, colon), a) || a < 0) return false;
  args.points_begin = a;
  if (colon + 1 == text.size()) return true;
  if (!parse_number(text.substr(colon + 1), b) || b <= a) return false;
  args.points_end = b;
  return true;
}

}  // namespace

std::string usage_text() {
  return "usage: sisim <command> [options]\n"
         "commands:\n"
         "  run SCENARIO.yaml -o RESULTS.h5   simulate and write results (summary on stdout)\n"
         "  validate SCENARIO.yaml            print the resolved config, or every error\n"
         "  summarize RESULTS.h5 [--csv]      print the summary table of a result file\n"
         "  report RESULTS.h5 -o REPORT.html  write a self-contained HTML report\n"
         "  stress SCENARIO.yaml [--cases FILE] -o OUT.h5   base and stress cases, paired comparison\n"
         "  sweep SWEEP.yaml -o OUT.h5 [--points a:b]      run a grid or Latin hypercube of points\n"
         "  price SCENARIO.yaml -o OUT.h5    solve the outcome-price multiplier band\n"
         "  summarize --merge A.h5 B.h5 ... -o ALL.h5      combine sweep slices\n"
         "  compare A.h5 B.h5 ...             runs side by side, changes from A (paired when seed and paths "
         "agree)\n"
         "  version                           version, git hash and library versions\n"
         "options:\n"
         "  -o, --output FILE   output file          --paths N      number of paths\n"
         "  --seed N            random seed          --threads N    worker threads (0 = all cores)\n"
         "  --set key.path=VALUE  override a config value (repeatable; VALUE is YAML)\n"
         "  --force             replace an existing output file\n"
         "  --quiet             no progress output   --csv          CSV summary (summarize)\n"
         "  --cases FILE        stress cases file    --points a:b   sweep points a..b-1 (0-based)\n"
         "  --merge             summarize: merge sweep slices into -o FILE\n"
         "  --checkpoint [FILE] run: keep completed blocks in FILE (default OUTPUT.ckpt) and resume from "
         "it\n\n"
         "exit codes: 0 ok, 2 usage, 65 bad config or data, 74 I/O error, 130 interrupted (Ctrl-C, SIGTERM)";
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
    if (flag.size() > 1 && flag[0] == '-') {
      std::string canonical(flag.substr(0, flag.find('=')));
      if (canonical == "-o") canonical = "--output";
      if (canonical == "-q") canonical = "--quiet";
      args.flags_given.push_back(canonical);
    }
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
    } else if (flag == "--cases") {
      const char* v = value(flag);
      if (!v) return std::nullopt;
      args.cases_file = v;
    } else if (flag == "--points") {
      const char* v = value(flag);
      if (!v || !parse_points(v, args)) {
        if (error.empty()) error = "--points needs a:b with 0 <= a < b (or a: for the rest)";
        return std::nullopt;
      }
    } else if (flag == "--checkpoint" || flag.starts_with("--checkpoint=")) {
      // The value is optional: the next word is FILE unless it is a flag or a scenario (.yaml).
      std::string file = flag.size() > 13 ? std::string(flag.substr(13)) : "";
      const std::string_view next = i + 1 < argc ? std::string_view(argv[i + 1]) : std::string_view();
      if (flag.size() == 12 && !next.empty() && next[0] != '-' && !next.ends_with(".yaml") &&
          !next.ends_with(".yml"))
        file = argv[++i];
      args.checkpoint = file;
    } else if (flag == "--merge") {
      args.merge = true;
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

std::string check_flags_apply(const Args& args) {
  static const std::map<std::string, std::set<std::string>> kAllowed = {
      {"run", {"--output", "--paths", "--seed", "--threads", "--set", "--force", "--quiet", "--checkpoint"}},
      {"stress", {"--output", "--cases", "--paths", "--seed", "--threads", "--set", "--force", "--quiet"}},
      {"sweep", {"--output", "--points", "--paths", "--seed", "--threads", "--set", "--force", "--quiet"}},
      {"price", {"--output", "--paths", "--seed", "--threads", "--set", "--force", "--quiet"}},
      {"validate", {"--set"}},
      {"summarize", {"--csv", "--merge", "--output", "--force", "--quiet"}},
      {"report", {"--output", "--force", "--quiet"}},
      {"compare", {"--quiet"}},
  };
  const auto allowed = kAllowed.find(args.command);
  if (allowed == kAllowed.end()) return {};  // version, help, unknown commands: handled elsewhere
  for (const auto& flag : args.flags_given)
    if (!allowed->second.count(flag)) return flag + " does not apply to `sisim " + args.command + "`";
  return {};
}

}  // namespace sisim::cli
