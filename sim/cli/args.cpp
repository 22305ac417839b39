#include "sim/cli/args.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <functional>
#include <memory>
#include <string_view>

#include "config/loader.hpp"

namespace sisim::cli {

using config::nearest_key;

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

// A CLI11 check with the message a user reads after the option's name ("--paths needs ...").
CLI::Validator check(std::function<bool(const std::string&)> ok, std::string problem) {
  return CLI::Validator(
      [ok = std::move(ok), problem = std::move(problem)](std::string& text) {
        return ok(text) ? std::string() : problem + (problem.ends_with("got") ? " '" + text + "'" : "");
      },
      "");  // no description: the option's own type name (N, FILE) is its help
}

// Every option, declared once: its names, value, check and help line. A command lists the
// options that apply to it (Command::options); parsing, --help and the usage all come from here.
enum class Opt {
  output,
  paths,
  seed,
  threads,
  set,
  force,
  quiet,
  csv,
  per_path,
  cases,
  points,
  merge,
  checkpoint
};

CLI::Option* add_option(CLI::App& app, Opt which, Args& a) {
  CLI::Option* o = nullptr;
  switch (which) {
    case Opt::output:
      o = app.add_option("-o,--output", a.output, "output file")->type_name("FILE");
      break;
    case Opt::paths:
      o = app.add_option("--paths", a.paths, "number of paths")
              ->type_name("N")
              ->check(check(
                  [](const std::string& t) {
                    std::int64_t n = 0;
                    return parse_number(t, n) && n >= 1;
                  },
                  "needs a positive integer"));
      break;
    case Opt::seed:
      o = app.add_option("--seed", a.seed, "random seed")
              ->type_name("S")
              ->check(check(
                  [](const std::string& t) {
                    std::uint64_t s = 0;
                    return parse_number(t, s);
                  },
                  "needs a non-negative integer"));
      break;
    case Opt::threads:
      o = app.add_option("--threads", a.threads, "worker threads (0 = all cores)")
              ->type_name("T")
              ->check(check(
                  [](const std::string& t) {
                    int n = 0;
                    return parse_number(t, n) && n >= 0;
                  },
                  "needs a non-negative integer"));
      break;
    case Opt::set:  // the one option that may be repeated
      return app.add_option("--set", a.overrides, "override a config value (repeatable; VALUE is YAML)")
          ->type_name("key.path=VALUE")
          ->check(check([](const std::string& t) { return t.find('=') != std::string::npos; },
                        "needs key.path=value, got"));
    case Opt::force:
      o = app.add_flag("--force", a.force, "replace an existing output file");
      break;
    case Opt::quiet:
      o = app.add_flag("-q,--quiet", a.quiet, "no progress output");
      break;
    case Opt::csv:
      o = app.add_flag("--csv", a.csv, "CSV summary, one statistic per line");
      break;
    case Opt::per_path:
      o = app.add_flag("--per-path", a.per_path, "every per-path column as CSV, one row per path");
      break;
    case Opt::cases:
      o = app.add_option("--cases", a.cases_file, "stress cases file")->type_name("FILE");
      break;
    case Opt::points:
      o = app.add_option_function<std::string>(
                 "--points", [&a](const std::string& t) { parse_points(t, a); },
                 "sweep points a..b-1 (0-based; a: to the last)")
              ->type_name("a:b")
              ->check(check(
                  [](const std::string& t) {
                    Args scratch;
                    return parse_points(t, scratch);
                  },
                  "needs a:b with 0 <= a < b (or a: for the rest)"));
      break;
    case Opt::merge:
      o = app.add_flag("--merge", a.merge, "merge sweep slices into -o FILE");
      break;
    case Opt::checkpoint:
      // The value is optional: `--checkpoint` alone means OUTPUT.ckpt (parse_args reads it, and keeps
      // a scenario that follows it from being taken as its FILE).
      o = app.add_option("--checkpoint")
              ->description("keep completed blocks in FILE (default OUTPUT.ckpt) and resume from it")
              ->type_name("[FILE]")
              ->expected(0, 1);
      break;
  }
  // Given twice, a value is ambiguous: parse_args refuses it (count() > 1) rather than pick one.
  return o->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
}

struct Command {
  const char* name;
  const char* brief;     // the usage's command line: "run SCENARIO.yaml -o RESULTS.h5"
  const char* summary;   // what it does, in a few words
  const char* synopsis;  // `sisim <command> --help`
  const char* what;
  const char* example;
  std::vector<Opt> options;
};

const std::vector<Command>& commands() {
  using enum Opt;
  static const std::vector<Command> c = {
      {"run",
       "run SCENARIO.yaml -o RESULTS.h5",
       "simulate and write results (summary on stdout)",
       "sisim run SCENARIO.yaml -o RESULTS.h5 [--paths N] [--seed S] [--threads T] [--set k=v] [--force] "
       "[--quiet] [--checkpoint [FILE]]",
       "Simulates the scenario, prints the deal's terms and the summary, writes RESULTS.h5 (docs/HDF5.md).",
       "sisim run scenarios/herning-viborg.yaml -o herning-viborg.h5",
       {output, paths, seed, threads, set, force, quiet, checkpoint}},
      {"validate",
       "validate SCENARIO.yaml",
       "print the resolved config, or every error",
       "sisim validate SCENARIO.yaml [--set k=v]",
       "Prints the fully resolved scenario, or every error as file:line:col (exit code 65).",
       "sisim validate scenarios/herning-viborg.yaml",
       {set}},
      {"summarize",
       "summarize RESULTS.h5 [--csv]",
       "print the summary table of a result file",
       "sisim summarize RESULTS.h5 [--csv | --per-path]\n       sisim summarize --merge A.h5 B.h5 ... -o "
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
       "sisim summarize herning-viborg.h5 --csv",
       {csv, per_path, merge, output, force, quiet}},
      {"report",
       "report RESULTS.h5 -o REPORT.html",
       "write a self-contained HTML report",
       "sisim report RESULTS.h5 -o REPORT.html [--force]",
       "Writes a self-contained HTML report for an investor of a run or tornado file, a stress file (each "
       "case's\n"
       "change with +-2 SE whiskers), a sweep file (heatmaps of a 2-parameter grid, else each metric "
       "against\n"
       "each parameter) or a price file (the target metrics against the price multiplier, and the band).",
       "sisim report herning-viborg.h5 -o report.html",
       {output, force, quiet}},
      {"stress",
       "stress SCENARIO.yaml [--cases FILE] -o OUT.h5",
       "base and stress cases, paired comparison",
       "sisim stress SCENARIO.yaml [--cases CASES.yaml] -o OUT.h5 [--paths N] [--seed S] [--threads T] "
       "[--set k=v] [--force] [--quiet]",
       "Runs the base scenario and each stress case on the same paths; prints the paired changes.",
       "sisim stress scenarios/herning-viborg.yaml --cases scenarios/stress/standard.yaml -o stress.h5",
       {output, cases, paths, seed, threads, set, force, quiet}},
      {"sweep",
       "sweep SWEEP.yaml -o OUT.h5 [--points a:b]",
       "run a grid or Latin hypercube of points",
       "sisim sweep SWEEP.yaml -o OUT.h5 [--points a:b] [--paths N] [--seed S] [--threads T] [--set k=v] "
       "[--force] [--quiet]",
       "Runs every point of a grid or Latin hypercube (or points a..b-1) on the same seed.",
       "sisim sweep scenarios/sweeps/effect-by-price.yaml -o effect-by-price.h5",
       {output, points, paths, seed, threads, set, force, quiet}},
      {"price",
       "price SCENARIO.yaml -o OUT.h5",
       "solve the outcome-price multiplier band",
       "sisim price SCENARIO.yaml -o OUT.h5 [--paths N] [--seed S] [--threads T] [--set k=v] [--force] "
       "[--quiet]",
       "Solves the outcome-price multiplier band between the investor's minimum and the payer's maximum.",
       "sisim price scenarios/herning-viborg.yaml -o price.h5 --paths 2000",
       {output, paths, seed, threads, set, force, quiet}},
      {"tornado",
       "tornado SCENARIO.yaml -o OUT.h5",
       "swing each uncertain input P10 -> P90, ranked",
       "sisim tornado SCENARIO.yaml -o OUT.h5 [--paths N] [--seed S] [--threads T] [--set k=v] [--force] "
       "[--quiet]",
       "Swings each uncertain input from its P10 to its P90 (and the recession and termination switches) on "
       "the\n"
       "same paths; prints the ranked swings of median IRR, P(nominal loss), investor and municipality NPV.\n"
       "Writes the base run like `sisim run` plus /tornado; 2,000 paths per run unless --paths.",
       "sisim tornado scenarios/herning-viborg.yaml -o tornado.h5",
       {output, paths, seed, threads, set, force, quiet}},
      {"compare",
       "compare A.h5 B.h5 ...",
       "runs side by side, changes from A (paired when seed and paths agree)",
       "sisim compare A.h5 B.h5 ... [--quiet]",
       "Prints run files side by side, each metric with its change from A.h5 (paired standard errors when "
       "the\n"
       "files share seed and paths, else combined).",
       "sisim compare herning-viborg.h5 conservative.h5",
       {quiet}},
      {"version",
       "version",
       "version, git hash and library versions",
       "sisim version",
       "Prints the version, the git hash and the library versions.",
       "sisim version",
       {}},
      {"help",
       "help [COMMAND]",
       "the usage (of one command)",
       "sisim help [COMMAND]",
       "Prints the usage (of one command).",
       "sisim help run",
       {}},
  };
  return c;
}

const Command* find_command(const std::string& name) {
  for (const auto& c : commands())
    if (name == c.name) return &c;
  return nullptr;
}

// The command line of one command, declared from its Command entry.
std::unique_ptr<CLI::App> make_app(const Command& command, Args& a) {
  auto app = std::make_unique<CLI::App>(command.what, std::string("sisim ") + command.name);
  app->set_help_flag();  // --help is an ordinary flag: `sisim run --help` prints our usage, exits 0
  app->add_flag("-h,--help", a.help, "print this command's usage");
  app->allow_extras();  // unknown options are reported by parse_args, with a suggestion
  app->add_option("arguments", a.positional, "files")->type_name("FILE");
  for (Opt o : command.options) add_option(*app, o, a);
  return app;
}

// Every option of every command, for suggestions and for the usage's option list.
const CLI::App& all_options() {
  static Args scratch;
  static const std::unique_ptr<CLI::App> app = [] {
    auto all = std::make_unique<CLI::App>("every option");
    all->set_help_flag();
    for (int o = 0; o <= static_cast<int>(Opt::checkpoint); ++o)
      add_option(*all, static_cast<Opt>(o), scratch);
    return all;
  }();
  return *app;
}

std::vector<const CLI::Option*> named_options(const CLI::App& app) {
  std::vector<const CLI::Option*> out;
  for (const CLI::Option* o : app.get_options())
    if (o->nonpositional()) out.push_back(o);
  return out;
}

// "-o, --output FILE" for the help lines.
std::string option_words(const CLI::Option& o) {
  std::string words;
  for (const auto& s : o.get_snames()) words += "-" + s + ", ";
  for (const auto& l : o.get_lnames()) words += "--" + l + ", ";
  words.resize(words.size() - 2);
  if (!o.get_type_name().empty()) words += " " + o.get_type_name();
  return words;
}

// "  -o, --output FILE         output file" and a note after it.
std::string option_line(const CLI::Option& o, const std::string& note = "") {
  std::string line = "  " + option_words(o);
  line.resize(std::max<size_t>(line.size() + 1, 28), ' ');
  return line + o.get_description() + note + "\n";
}

std::vector<std::string> known_option_names() {
  std::vector<std::string> names = {"--help"};
  for (const CLI::Option* o : named_options(all_options())) names.push_back(o->get_name());
  return names;
}

std::vector<std::string> known_command_names() {
  std::vector<std::string> names;
  for (const auto& c : commands()) names.emplace_back(c.name);
  return names;
}

// CLI11 says "--paths: needs a positive integer"; the user reads "--paths needs a positive integer".
std::string without_colon(std::string message) {
  if (const size_t colon = message.find(": "); colon != std::string::npos && message[0] == '-')
    message.replace(colon, 2, " ");
  return message;
}

}  // namespace

std::string command_usage(const std::string& command) {
  const Command* c = find_command(command);
  if (!c) return "";
  Args scratch;
  const auto app = make_app(*c, scratch);
  std::string options;
  for (const CLI::Option* o : named_options(*app)) options += option_line(*o);
  return "usage: " + std::string(c->synopsis) + "\n" + c->what + "\noptions:\n" + options +
         "example: " + c->example +
         "\noptions accept --option value or --option=value; exit codes: 0 ok, 2 usage, 65 bad config or "
         "data, "
         "74 I/O error, 130 interrupted\n";
}

std::string unknown_command_message(const std::string& command) {
  std::string msg = "unknown command '" + command + "'";
  if (auto near = nearest_key(command, known_command_names())) msg += " (did you mean '" + *near + "'?)";
  return msg;
}

std::string usage_text() {
  std::string out =
      "usage: sisim <command> [options]   (sisim <command> --help: that command's usage)\ncommands:\n";
  size_t width = 0;
  for (const auto& c : commands()) width = std::max(width, std::string_view(c.brief).size() + 4);
  for (const auto& c : commands()) {
    std::string line = std::string("  ") + c.brief;
    line.resize(width, ' ');
    out += line + c.summary + "\n";
  }
  out += "options:\n";
  const std::vector<const CLI::Option*> options = named_options(all_options());  // in Opt order
  for (size_t o = 0; o < options.size(); ++o) {
    std::string users;  // which commands take it, from their declarations
    for (const auto& c : commands())
      if (std::find(c.options.begin(), c.options.end(), static_cast<Opt>(o)) != c.options.end())
        users += std::string(users.empty() ? "" : ", ") + c.name;
    out += option_line(*options[o], " (" + users + ")");
  }
  return out +
         "\nexit codes: 0 ok, 2 usage, 65 bad config or data, 74 I/O error, 130 interrupted (Ctrl-C, "
         "SIGTERM)";
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
  const Command* command = find_command(args.command);
  if (!command) {  // `--help`, `--version` and unknown commands: main dispatches them
    for (int i = 2; i < argc; ++i) args.positional.emplace_back(argv[i]);
    return args;
  }
  std::vector<std::string> words(argv + 2, argv + argc);
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view word = words[i];
    // A flag takes no value: `--quiet=yes` is refused, not read as true.
    if (word.starts_with("--") && word.find('=') != std::string_view::npos) {
      const std::string name(word.substr(0, word.find('=')));
      const CLI::Option* o = all_options().get_option_no_throw(name);
      if ((o && o->get_expected_max() == 0) || name == "--help") {
        error = name + " takes no value (got '" + std::string(word.substr(name.size() + 1)) + "')";
        return std::nullopt;
      }
    }
    // `--checkpoint SCENARIO.yaml`: the scenario is not the checkpoint file.
    if (word == "--checkpoint" && i + 1 < words.size() &&
        (words[i + 1].ends_with(".yaml") || words[i + 1].ends_with(".yml")))
      std::swap(words[i], words[i + 1]), ++i;
  }
  const auto app = make_app(*command, args);
  try {
    std::vector<std::string> reversed(words.rbegin(), words.rend());  // CLI11 takes them last first
    app->parse(reversed);
  } catch (const CLI::ArgumentMismatch& e) {  // an option without its value
    const std::string what = e.what();
    error = what.substr(0, what.find(':')) + " needs a value";
    return std::nullopt;
  } catch (const CLI::ParseError& e) {
    error = without_colon(e.what());
    return std::nullopt;
  }
  if (const CLI::Option* o = app->get_option_no_throw("--checkpoint"); o && o->count() > 0)
    args.checkpoint = o->results().empty() ? "" : o->results().back();
  if (args.help) return args;  // `sisim run --help`: that command's usage, whatever else was given
  for (const std::string& extra : app->remaining()) {
    const std::string name = extra.substr(0, extra.find('='));
    if (const CLI::Option* o = all_options().get_option_no_throw(name)) {
      error = o->get_name() + " does not apply to `sisim " + args.command + "`";
    } else {
      error = "unknown option '" + name + "'";
      if (auto near = nearest_key(name, known_option_names())) error += " (did you mean '" + *near + "'?)";
    }
    return std::nullopt;
  }
  for (const CLI::Option* o : named_options(*app))
    if (o->get_name() != "--set" && o->count() > 1) {
      error = o->get_name() + " is given more than once";
      return std::nullopt;
    }
  return args;
}

}  // namespace sisim::cli
