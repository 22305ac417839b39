// sisim_scaling: the base scenario at 1..N threads, each run a separate `sisim run` child process,
// so every measurement includes what a user waits for (load, simulate, summarise, write HDF5) and
// the peak memory is that of a fresh process. Prints a table and optionally JSON.
//
//   sisim_scaling [SCENARIO] [--paths P] [--threads-max N] [--min-threads M] [--repeat R]
//                 [--sisim PATH] [--json FILE] [--tmpdir DIR] [--quiet]
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "config/loader.hpp"
#include "scaling_child.hpp"
#include "scaling_report.hpp"
#include "sim/rng/samplers.hpp"

namespace fs = std::filesystem;
using namespace sisim::bench;

namespace {

struct Options {
  std::string scenario = "scenarios/herning-viborg.yaml";
  std::string sisim, json, tmp_dir;
  long long paths = 20000;
  int threads_max = static_cast<int>(std::thread::hardware_concurrency());
  int min_threads = 1;
  int repeat = 3;
  bool quiet = false;  // pass --quiet to sisim (engine time then comes from its summary title, 0.1 s steps)
};

const char* kUsage =
    "usage: sisim_scaling [SCENARIO] [--paths P] [--threads-max N] [--min-threads M] [--repeat R]\n"
    "                     [--sisim PATH] [--json FILE] [--tmpdir DIR] [--quiet]\n"
    "  SCENARIO       default scenarios/herning-viborg.yaml (also looked up in the source tree)\n"
    "  --paths P      paths per run (default 20000)\n"
    "  --threads-max  largest thread count (default: hardware concurrency)\n"
    "  --min-threads  smallest thread count (default 1; efficiency needs a 1-thread run)\n"
    "  --repeat R     runs per thread count, the median is reported (default 3)\n"
    "  --sisim PATH   the sisim binary (default: next to this harness in the build tree)\n"
    "  --json FILE    also write the results as JSON\n"
    "  --tmpdir DIR   where the temporary result files go (default $TMPDIR or /tmp)\n"
    "  --quiet        pass --quiet to sisim\n";

[[noreturn]] void usage_error(const std::string& message) {
  std::fprintf(stderr, "sisim_scaling: %s\n%s", message.c_str(), kUsage);
  std::exit(2);
}

long long to_int(const char* flag, const char* value, long long min) {
  char* end = nullptr;
  const long long v = std::strtoll(value, &end, 10);
  if (end == value || *end != '\0' || v < min)
    usage_error(std::string(flag) + " needs an integer >= " + std::to_string(min));
  return v;
}

Options parse(int argc, char** argv) {
  Options o;
  bool scenario_given = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) usage_error(a + " needs a value");
      return argv[++i];
    };
    if (a == "--help" || a == "-h") {
      std::fputs(kUsage, stdout);
      std::exit(0);
    } else if (a == "--paths") {
      o.paths = to_int("--paths", value(), 1);
    } else if (a == "--threads-max") {
      o.threads_max = static_cast<int>(to_int("--threads-max", value(), 1));
    } else if (a == "--min-threads") {
      o.min_threads = static_cast<int>(to_int("--min-threads", value(), 1));
    } else if (a == "--repeat") {
      o.repeat = static_cast<int>(to_int("--repeat", value(), 1));
    } else if (a == "--sisim") {
      o.sisim = value();
    } else if (a == "--json") {
      o.json = value();
    } else if (a == "--tmpdir") {
      o.tmp_dir = value();
    } else if (a == "--quiet") {
      o.quiet = true;
    } else if (!a.empty() && a[0] != '-' && !scenario_given) {
      o.scenario = a;
      scenario_given = true;
    } else {
      usage_error("unknown argument " + a);
    }
  }
  if (o.threads_max < 1) o.threads_max = 1;
  if (o.min_threads > o.threads_max) usage_error("--min-threads is larger than --threads-max");
  return o;
}

// The harness lives in <build>/benchmarks/, sisim in <build>/.
std::string find_sisim() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const fs::path& dir : {self.parent_path(), self.parent_path().parent_path()}) {
      if (fs::exists(dir / "sisim", ec)) return (dir / "sisim").string();
    }
  }
  return {};
}

// A relative scenario path that is not found from the working directory is tried in the sources.
std::string find_scenario(const std::string& path) {
  std::error_code ec;
  if (fs::exists(path, ec) || fs::path(path).is_absolute()) return path;
  const fs::path in_tree = fs::path(SISIM_SOURCE_DIR) / path;
  return fs::exists(in_tree, ec) ? in_tree.string() : path;
}

// E[fill_rate] by the midpoint rule on the quantile function: works for every distribution kind,
// truncated or not, with an error far below what matters for a rate.
double mean_fill_rate(const sisim::config::Param& p) {
  if (p.is_fixed()) return p.dist.value;
  constexpr int kSteps = 100000;
  double sum = 0.0;
  for (int i = 0; i < kSteps; ++i) sum += sisim::rng::quantile(p.dist, (i + 0.5) / kSteps);
  return sum / kSteps;
}

std::array<double, 3> load_average() {
  std::array<double, 3> l{};
  if (std::FILE* f = std::fopen("/proc/loadavg", "r")) {
    if (std::fscanf(f, "%lf %lf %lf", &l[0], &l[1], &l[2]) != 3) l = {};
    std::fclose(f);
  }
  return l;
}

ScalingSetup make_setup(const Options& o) {
  const sisim::config::LoadResult loaded = sisim::config::load_config(o.scenario);
  if (!loaded.ok()) throw std::runtime_error(sisim::config::format_errors(loaded.errors));
  ScalingSetup s;
  s.scenario = o.scenario;
  s.sisim = o.sisim;
  s.paths = o.paths;
  s.repeats = o.repeat;
  s.cohort_size = loaded.config->cohort.size;
  s.fill_rate_mean = mean_fill_rate(loaded.config->cohort.fill_rate);
  s.participants = s.cohort_size * s.fill_rate_mean;
  s.hardware_threads = std::thread::hardware_concurrency();
  return s;
}

std::vector<ScalingRow> measure(const Options& o, const std::string& tmp_dir) {
  std::vector<ScalingRow> rows;
  for (int t = o.min_threads; t <= o.threads_max; ++t) rows.push_back({t, {}});
  const std::string output = tmp_dir + "/scaling.h5";
  // Repeats outermost: a burst of load from other processes then hits every thread count alike.
  for (int rep = 0; rep < o.repeat; ++rep) {
    for (auto& row : rows) {
      std::vector<std::string> argv = {o.sisim,     "run",
                                       o.scenario,  "-o",
                                       output,      "--force",
                                       "--paths",   std::to_string(o.paths),
                                       "--threads", std::to_string(row.threads)};
      if (o.quiet) argv.push_back("--quiet");
      ChildRun run = run_child(argv, tmp_dir);
      if (run.exit_code != 0) {
        throw std::runtime_error("sisim exited with " + std::to_string(run.exit_code) + ":\n" +
                                 run.stderr_text);
      }
      std::fprintf(stderr, "  threads %d, run %d/%d: %.2f s, %.0f MiB\n", row.threads, rep + 1, o.repeat,
                   run.wall_seconds, run.peak_rss_mib);
      row.runs.push_back(std::move(run));
    }
  }
  std::error_code ec;
  fs::remove(output, ec);
  return rows;
}

}  // namespace

int main(int argc, char** argv) {
  Options o = parse(argc, argv);
  if (o.sisim.empty()) o.sisim = find_sisim();
  if (o.sisim.empty()) usage_error("cannot find the sisim binary next to the harness; pass --sisim PATH");
  o.scenario = find_scenario(o.scenario);
  std::string base = o.tmp_dir;
  if (base.empty()) base = std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp";
  std::string tmp_template = base + "/sisim_scaling.XXXXXX";
  if (mkdtemp(tmp_template.data()) == nullptr) {
    std::fprintf(stderr, "sisim_scaling: cannot create a temporary folder in %s\n", base.c_str());
    return 74;
  }
  try {
    ScalingSetup setup = make_setup(o);
    setup.load_before = load_average();
    const std::vector<ScalingRow> rows = measure(o, tmp_template);
    setup.load_after = load_average();
    std::fputs(format_table(setup, rows).c_str(), stdout);
    if (!o.json.empty()) {
      std::ofstream out(o.json);
      out << format_json(setup, rows);
      if (!out) throw std::runtime_error("cannot write " + o.json);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sisim_scaling: %s\n", e.what());
    std::error_code ec;
    fs::remove_all(tmp_template, ec);
    return 1;
  }
  std::error_code ec;
  fs::remove_all(tmp_template, ec);
  return 0;
}
