#include "sim/cli/args.hpp"

#include <charconv>
#include <map>
#include <set>
#include <string_view>

#include "config/loader.hpp"

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

const std::vector<std::string>& known_commands() {
  static const std::vector<std::string> c = {"run",   "validate", "summarize", "report",  "stress",
                                             "sweep", "price",    "tornado",   "version", "help"};
  return c;
}

const std::vector<std::string>& known_options() {
  static const std::vector<std::string> o = {"--output", "--paths", "--seed",       "--threads", "--set",
                                             "--force",  "--quiet", "--csv",        "--cases",   "--points",
                                             "--merge",  "--help",  "--checkpoint", "--per-path"};
  return o;
}

struct CommandHelp {
  const char* synopsis;
  const char* what;
  const char* example;
};

const std::map<std::string, CommandHelp>& command_help() {
  static const std::map<std::string, CommandHelp> h = {
      {"run",
       {"sisim run SCENARIO.yaml -o RESULTS.h5 [--paths N] [--seed S] [--threads T] [--set k=v] [--force] "
        "[--quiet] [--checkpoint [FILE]]",
        "Simulates the scenario, prints the deal's terms and the summary, writes RESULTS.h5 (docs/HDF5.md).",
        "sisim run scenarios/herning-viborg.yaml -o herning-viborg.h5"}},
      {"validate",
       {"sisim validate SCENARIO.yaml [--set k=v]",
        "Prints the fully resolved scenario, or every error as file:line:col (exit code 65).",
        "sisim validate scenarios/herning-viborg.yaml"}},
      {"summarize",
       {"sisim summarize RESULTS.h5 [--csv | --per-path]\n       sisim summarize --merge A.h5 B.h5 ... -o "
        "ALL.h5 "
        "[--force]",
        "Prints the summary of a run file (--csv: one statistic per line: "
        "metric,statistic,value,se,units,label);\n"
        "of a stress file its comparison (--csv: case,metric,value,change,change_se,units), of a sweep file "
        "its\n"
        "table (--csv: point,<swept columns>,metric,statistic,value), of a price file its band and prices\n"
        "(--csv: view,status,quantity,at_multiplier,value,se,units). --per-path: every /paths column of a "
        "run\n"
        "or tornado file as CSV, one row per path. --merge joins sweep slices into one file.",
        "sisim summarize herning-viborg.h5 --csv"}},
      {"report",
       {"sisim report RESULTS.h5 -o REPORT.html [--force]",
        "Writes a self-contained HTML report for an investor of a run or tornado file, a stress file (each "
        "case's\n"
        "change with +-2 SE whiskers), a sweep file (heatmaps of a 2-parameter grid, else each metric "
        "against\n"
        "each parameter) or a price file (the target metrics against the price multiplier, and the band).",
        "sisim report herning-viborg.h5 -o report.html"}},
      {"stress",
       {"sisim stress SCENARIO.yaml [--cases CASES.yaml] -o OUT.h5 [--paths N] [--seed S] [--threads T] "
        "[--set k=v] [--force] [--quiet]",
        "Runs the base scenario and each stress case on the same paths; prints the paired changes.",
        "sisim stress scenarios/herning-viborg.yaml --cases scenarios/stress/standard.yaml -o stress.h5"}},
      {"sweep",
       {"sisim sweep SWEEP.yaml -o OUT.h5 [--points a:b] [--paths N] [--seed S] [--threads T] [--set k=v] "
        "[--force] [--quiet]",
        "Runs every point of a grid or Latin hypercube (or points a..b-1) on the same seed.",
        "sisim sweep scenarios/sweeps/effect-by-price.yaml -o effect-by-price.h5"}},
      {"price",
       {"sisim price SCENARIO.yaml -o OUT.h5 [--paths N] [--seed S] [--threads T] [--set k=v] [--force] "
        "[--quiet]",
        "Solves the outcome-price multiplier band between the investor's minimum and the payer's maximum.",
        "sisim price scenarios/herning-viborg.yaml -o price.h5 --paths 2000"}},
      {"tornado",
       {"sisim tornado SCENARIO.yaml -o OUT.h5 [--paths N] [--seed S] [--threads T] [--set k=v] [--force] "
        "[--quiet]",
        "Swings each uncertain input from its P10 to its P90 (and the recession and termination switches) on "
        "the\n"
        "same paths; prints the ranked swings of median IRR, P(nominal loss), investor and municipality "
        "NPV.\n"
        "Writes the base run like `sisim run` plus /tornado; 2,000 paths per run unless --paths.",
        "sisim tornado scenarios/herning-viborg.yaml -o tornado.h5"}},
      {"version",
       {"sisim version", "Prints the version, the git hash and the library versions.", "sisim version"}},
      {"help", {"sisim help [COMMAND]", "Prints the usage (of one command).", "sisim help run"}},
  };
  return h;
}

// Options that take a value, and that may be given once.
bool takes_value(std::string_view name) {
  return name == "--output" || name == "--paths" || name == "--seed" || name == "--threads" ||
         name == "--set" || name == "--cases" || name == "--points";
}

}  // namespace

std::string command_usage(const std::string& command) {
  const auto it = command_help().find(command);
  if (it == command_help().end()) return "";
  return "usage: " + std::string(it->second.synopsis) + "\n" + it->second.what +
         "\nexample: " + it->second.example +
         "\noptions accept --option value or --option=value; exit codes: 0 ok, 2 usage, 65 bad config or "
         "data, 74 "
         "I/O error, 130 interrupted\n";
}

std::string unknown_command_message(const std::string& command) {
  std::string msg = "unknown command '" + command + "'";
  if (auto near = nearest_key(command, known_commands())) msg += " (did you mean '" + *near + "'?)";
  return msg;
}

std::string usage_text() {
  return "usage: sisim <command> [options]   (sisim <command> --help: that command's usage)\n"
         "commands:\n"
         "  run SCENARIO.yaml -o RESULTS.h5   simulate and write results (summary on stdout)\n"
         "  validate SCENARIO.yaml            print the resolved config, or every error\n"
         "  summarize RESULTS.h5 [--csv]      print the summary table of a result file\n"
         "  report RESULTS.h5 -o REPORT.html  write a self-contained HTML report\n"
         "  stress SCENARIO.yaml [--cases FILE] -o OUT.h5   base and stress cases, paired comparison\n"
         "  sweep SWEEP.yaml -o OUT.h5 [--points a:b]      run a grid or Latin hypercube of points\n"
         "  price SCENARIO.yaml -o OUT.h5    solve the outcome-price multiplier band\n"
         "  tornado SCENARIO.yaml -o OUT.h5  swing each uncertain input P10 -> P90, ranked\n"
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
         "  --per-path          summarize: every per-path column as CSV\n"
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
  std::set<std::string> single_given;
  for (int i = 2; i < argc; ++i) {
    std::string_view flag = argv[i];
    // --option=value is --option value (a single '-' option and a bare word are never split).
    std::optional<std::string> inline_value;
    if (flag.starts_with("--") && flag.find('=') != std::string_view::npos) {
      inline_value = std::string(flag.substr(flag.find('=') + 1));
      flag = flag.substr(0, flag.find('='));
    }
    if (flag == "--help" || flag == "-h") {
      args.help = true;
      continue;
    }
    if (flag.size() > 1 && flag[0] == '-') {
      std::string canonical(flag);
      if (canonical == "-o") canonical = "--output";
      if (canonical == "-q") canonical = "--quiet";
      args.flags_given.push_back(canonical);
      // A value given twice (two -o, two --seed) is ambiguous: refuse rather than pick one.
      if (canonical != "--set" && !single_given.insert(canonical).second) {
        error = canonical + " is given more than once";
        return std::nullopt;
      }
      if (inline_value && !takes_value(canonical) && canonical != "--checkpoint") {
        error = canonical + " takes no value (got '" + *inline_value + "')";
        return std::nullopt;
      }
    }
    auto value = [&](std::string_view name) -> const char* {
      if (inline_value) return inline_value->c_str();
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
    } else if (flag == "--checkpoint") {
      // The value is optional: the next word is FILE unless it is a flag or a scenario (.yaml).
      std::string file = inline_value.value_or("");
      const std::string_view next = i + 1 < argc ? std::string_view(argv[i + 1]) : std::string_view();
      if (!inline_value && !next.empty() && next[0] != '-' && !next.ends_with(".yaml") &&
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
    } else if (flag == "--per-path") {
      args.per_path = true;
    } else if (flag.size() > 1 && flag[0] == '-') {
      error = "unknown option '" + std::string(flag) + "'";
      if (auto near = nearest_key(std::string(flag), known_options()))
        error += " (did you mean '" + *near + "'?)";
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
      {"tornado", {"--output", "--paths", "--seed", "--threads", "--set", "--force", "--quiet"}},
      {"validate", {"--set"}},
      {"summarize", {"--csv", "--per-path", "--merge", "--output", "--force", "--quiet"}},
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
