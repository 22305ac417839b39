// The extension module `_sisim`: the engine and the result writers of the `sisim` command, called
// in process. The Python package (../sisim/__init__.py) wraps it; see python/README.md.
//
// - load: the command line's load_scenario plus the checks of `sisim validate` (stress cases and
//   pricing targets), every error raised at once as sisim.ConfigError.
// - run: run_simulation with the GIL released; the per-path columns are handed to numpy without
//   copying (each array's base is the result object, which keeps the C++ columns alive).
// - stress / sweep / price: the commands' pieces (sim/cli) in the commands' order, writing the
//   same file the command writes; the Python side reads it back.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/alternatives.hpp"
#include "config/loader.hpp"
#include "config/pricing.hpp"
#include "config/stress.hpp"
#include "config/sweep.hpp"
#include "interruptible.hpp"
#include "sim/cli/args.hpp"
#include "sim/cli/load_scenario.hpp"
#include "sim/cli/price_metrics.hpp"
#include "sim/cli/price_report.hpp"
#include "sim/cli/price_solver.hpp"
#include "sim/cli/result_file.hpp"
#include "sim/cli/run_checks.hpp"
#include "sim/cli/society_file.hpp"
#include "sim/cli/stress_compare.hpp"
#include "sim/cli/stress_file.hpp"
#include "sim/cli/stress_run.hpp"
#include "sim/cli/sweep_file.hpp"
#include "sim/cli/sweep_points.hpp"
#include "sim/cli/sweep_table_init.hpp"
#include "sim/cli/tornado_file.hpp"
#include "sim/engine/engine.hpp"
#include "sim/engine/memory_estimate.hpp"
#include "sim/io/h5_reader.hpp"
#include "sim/io/io_error.hpp"
#include "sim/io/result_seal.hpp"
#include "sim/results/tornado.hpp"
#include "sim/stats/statistics.hpp"
#include "sisim/version.hpp"

namespace py = pybind11;

namespace sisim::python {
namespace {

// Configuration errors, all of them, for sisim.ConfigError.
struct ConfigFailure : std::runtime_error {
  std::vector<ConfigError> errors;
  explicit ConfigFailure(std::vector<ConfigError> e)
      : std::runtime_error(format_errors(e)), errors(std::move(e)) {}
  explicit ConfigFailure(const std::string& message) : std::runtime_error(message) {}
};

// Too little memory for the run (the commands' check_memory), for Python's MemoryError.
struct NotEnoughMemory : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Scenario {
  std::string path;
  std::vector<std::string> overrides;
  Config config;
};

struct RunResult {
  RunOutput run;
  std::shared_ptr<const Scenario> scenario;
};

// What a command's flags would say: --paths, --seed, --threads.
cli::Args run_args(std::optional<std::int64_t> paths, std::optional<std::uint64_t> seed, int threads) {
  cli::Args args;
  args.paths = paths;
  args.seed = seed;
  args.threads = threads;
  args.quiet = true;
  return args;
}

// As the commands: refuse an output that exists (without force), cannot be written or is an input
// before running, not after an hour of it.
void check_output(const std::string& output, bool force, const std::vector<cli::InputFile>& inputs) {
  std::string why;
  if (!cli::output_is_usable(output, force, inputs, why)) throw io::IoError(why);
}

std::shared_ptr<Scenario> load(const std::string& path, const std::vector<std::string>& overrides) {
  LoadResult loaded;
  py::gil_scoped_release release;  // loading reads files and may take a moment: let other threads run
  loaded = cli::load_scenario(path, overrides);
  if (loaded.ok()) {  // as `sisim validate`: the scenario's stress cases and pricing targets too
    const auto stress = read_scenario_stress(path, overrides);
    const auto pricing = read_scenario_pricing(path, overrides);
    loaded.errors.insert(loaded.errors.end(), stress.errors.begin(), stress.errors.end());
    loaded.errors.insert(loaded.errors.end(), pricing.errors.begin(), pricing.errors.end());
  }
  if (!loaded.errors.empty()) throw ConfigFailure(loaded.errors);
  return std::make_shared<Scenario>(Scenario{path, overrides, *loaded.config});
}

std::shared_ptr<RunResult> run(const std::shared_ptr<const Scenario>& scenario,
                               std::optional<std::int64_t> paths, std::optional<std::uint64_t> seed,
                               int threads) {
  RunOptions options;  // as `sisim run`
  if (paths) options.paths = *paths;
  if (seed) {
    options.seed = *seed;
    options.seed_set = true;
  }
  options.threads = threads;
  options.progress = false;
  options.label = scenario->config.name;
  if (const std::string why = check_memory(scenario->config, options); !why.empty())
    throw NotEnoughMemory(why);
  auto result = std::make_shared<RunResult>();
  result->scenario = scenario;
  run_interruptibly([&] { result->run = run_simulation(scenario->config, options); });
  if (result->run.cancelled)
    throw std::runtime_error("the run was cancelled");  // by a signal Python did not see
  return result;
}

void write_run_file(const RunResult& r, const std::string& path, bool force,
                    const std::string& command_line) {
  py::gil_scoped_release release;
  cli::write_result_file({path, force, command_line}, r.scenario->config, r.run,
                         cli::headline_rows(r.scenario->config, r.run));
}

// One summary as the dict of its /summary datasets.
py::dict summary_dict(const analysis::Summary& s) {
  py::dict d;
  d["mean"] = s.mean;
  d["sd"] = s.sd;
  d["se"] = s.se_mean;
  d["quantiles"] = std::vector<double>(s.quantiles.begin(), s.quantiles.end());
  d["quantile_se"] = std::vector<double>(s.quantile_se.begin(), s.quantile_se.end());
  d["quantile_levels"] =
      std::vector<double>(analysis::kQuantileLevels.begin(), analysis::kQuantileLevels.end());
  d["p_loss"] = s.p_loss;
  d["p_loss_se"] = s.p_loss_se;
  d["var_05"] = s.var_05;
  d["es_05"] = s.es_05;
  d["var_01"] = s.var_01;
  d["es_01"] = s.es_01;
  d["var_05_se"] = s.var_05_se;
  d["es_05_se"] = s.es_05_se;
  d["var_01_se"] = s.var_01_se;
  d["es_01_se"] = s.es_01_se;
  d["n"] = static_cast<double>(s.n);
  d["n_nan"] = static_cast<double>(s.n_nan);
  return d;
}

// The statistics of /summary/<group> (docs/HDF5.md) for each metric row the run file holds, in
// the file's order (the scenario's metric rows, sim/results/summary_spec).
py::list summaries(const RunResult& r) {
  std::vector<std::pair<std::string, analysis::Summary>> groups;
  for (const auto& row : cli::headline_rows(r.scenario->config, r.run).metrics)
    groups.emplace_back(row.spec.group, row.summary);
  py::list out;
  for (const auto& [group, s] : groups) out.append(py::make_tuple(group, summary_dict(s)));
  // Society's account and the funding alternatives, as write_society files them under /summary.
  if (const auto society = analysis::summarize_society(cli::society_columns(r.run))) {
    const auto scalars = [&out](const std::string& group,
                                std::initializer_list<std::pair<const char*, double>> values) {
      py::dict d;
      for (const auto& [name, value] : values) d[name] = value;
      out.append(py::make_tuple(group, d));
    };
    const auto full = [&out](const std::string& group, const analysis::Summary& s) {
      out.append(py::make_tuple(group, summary_dict(s)));
    };
    full("society/npv", society->society);
    for (const auto& d : society->division)
      scalars("society/division/" + d.name, {{"mean", d.mean}, {"se", d.se}});
    for (const auto& a : society->alternatives) full("alternatives/" + a.name, a.summary);
    scalars("alternatives/risk_transfer", {{"mean", society->risk_transfer.mean},
                                           {"se", society->risk_transfer.se},
                                           {"p_contract_better", society->risk_transfer.p_greater},
                                           {"p_contract_better_se", society->risk_transfer.p_greater_se}});
  }
  return out;
}

// One /paths column as a read-only numpy array over the result's own memory (no copy).
py::array column(py::object self, const std::string& name) {
  const auto& r = self.cast<const RunResult&>();
  const int c = r.run.columns.find("/paths/" + name);
  if (c < 0) throw py::key_error(name);
  const std::vector<double>& v = r.run.columns.column(c);
  py::array_t<double> a(static_cast<py::ssize_t>(v.size()), v.data(), self);
  a.attr("setflags")(py::arg("write") = false);
  return a;
}

py::list column_names(const RunResult& r) {
  py::list out;
  for (const auto& spec : r.run.columns.specs()) {
    py::dict d;
    d["name"] = spec.path.substr(std::string("/paths/").size());
    d["units"] = spec.units;
    d["description"] = spec.description;
    d["integer"] = spec.integer;
    out.append(d);
  }
  return out;
}

// `sisim stress` on `scenario` with the cases of `cases_file` (or the scenario's own section).
void stress_to_file(const Scenario& scenario, const std::string& cases_file, const std::string& output,
                    bool force, std::optional<std::int64_t> paths, std::optional<std::uint64_t> seed,
                    int threads, const std::string& command_line) {
  const Config& base = scenario.config;
  std::vector<cli::InputFile> inputs = cli::scenario_inputs(scenario.path, base);
  if (!cases_file.empty()) inputs.push_back({cases_file, "the cases file"});
  check_output(output, force, inputs);
  run_interruptibly([&] {
    const StressCasesResult cases = cases_file.empty()
                                        ? read_scenario_stress(scenario.path, scenario.overrides)
                                        : read_stress_file(cases_file);
    std::vector<ConfigError> errors = cases.errors;
    if (errors.empty() && cases.cases.empty())
      throw ConfigFailure("no stress cases (give cases=... or a `stress: {cases: [...]}` section)");
    std::vector<std::pair<cli::CaseRecord, Config>> loaded;
    for (const StressCase& c : cases.cases) {  // every case loaded before the first path runs
      std::vector<ConfigError> resolve_errors;
      cli::CaseRecord record{c.name, c.description, c.shifts, resolve_shifts(base, c.shifts, resolve_errors),
                             ""};
      const LoadResult r = cli::load_shifted(scenario.path, scenario.overrides, base, c.shifts);
      if (!r.ok()) {
        errors.insert(errors.end(), r.errors.begin(), r.errors.end());
        continue;
      }
      record.config_yaml = r.config->resolved_yaml;
      loaded.emplace_back(std::move(record), *r.config);
    }
    if (!errors.empty()) throw ConfigFailure(errors);
    const RunOptions options = cli::paired_options(run_args(paths, seed, threads), base);
    if (const std::string why = check_memory(base, options, 2); !why.empty()) throw NotEnoughMemory(why);
    io::ResultWriter w(output, force);
    std::vector<std::string> names = {"base"};
    std::vector<std::vector<cli::PairedValue>> rows;
    const RunOutput base_run = cli::run_paired(base, options);
    cli::write_root_metadata(w, {output, force, command_line}, base, base_run);
    cli::write_run(w, "/cases/base", base_run, cli::headline_rows(base, base_run), base.currency);
    cli::write_stress_case(w, {"base", "the scenario as given", {}, {}, base.resolved_yaml});
    rows.push_back(cli::compare_paired(base_run, base_run));
    for (const auto& [record, config] : loaded) {
      const RunOutput run = cli::run_paired(config, options);
      names.push_back(record.name);
      cli::write_run(w, "/cases/" + record.name, run, cli::headline_rows(config, run), base.currency);
      cli::write_stress_case(w, record);
      rows.push_back(cli::compare_paired(base_run, run));
    }
    cli::write_stress_comparison(w, names, rows, base.currency);
    w.commit();
  });
}

// `sisim sweep SWEEP.yaml` with --set `overrides` on its base scenario.
void sweep_to_file(const std::string& sweep_file, const std::vector<std::string>& overrides,
                   const std::string& output, bool force, std::optional<std::int64_t> paths,
                   std::optional<std::uint64_t> seed, int threads, const std::string& command_line) {
  run_interruptibly([&] {
    const SweepReadResult read = read_sweep(sweep_file);
    if (!read.ok()) throw ConfigFailure(read.errors);
    const SweepSpec& spec = *read.spec;
    const LoadResult loaded = cli::load_scenario(spec.scenario, overrides);
    if (!loaded.ok()) throw ConfigFailure(loaded.errors);
    const Config& base = *loaded.config;
    std::vector<cli::InputFile> inputs = cli::scenario_inputs(spec.scenario, base);
    inputs.push_back({sweep_file, "the sweep file"});
    check_output(output, force, inputs);
    const cli::SweepPoints points = cli::sweep_points(spec);
    for (const auto& shifts : points.shifts) {  // a bad point fails before any runs
      const LoadResult r = cli::load_shifted(spec.scenario, overrides, base, shifts);
      if (!r.ok()) throw ConfigFailure(r.errors);
    }
    const RunOptions options =
        cli::paired_options(run_args(paths, seed, threads), base, spec.paths.value_or(0));
    if (const std::string why = check_memory(base, options, 1); !why.empty()) throw NotEnoughMemory(why);
    cli::SweepTable table = cli::new_sweep_table(spec, base, points, options);
    for (size_t p = 0; p < points.shifts.size(); ++p) {
      const LoadResult r = cli::load_shifted(spec.scenario, overrides, base, points.shifts[p]);
      const RunOutput run = cli::run_paired(*r.config, options);
      table.threads = run.threads;
      add_sweep_point(table, static_cast<std::int64_t>(p), points.values[p], run);
    }
    write_sweep_file(output, force, command_line, table);
  });
}

// `sisim price SCENARIO.yaml`.
void price_to_file(const Scenario& scenario, const std::string& output, bool force,
                   std::optional<std::int64_t> paths, std::optional<std::uint64_t> seed, int threads,
                   const std::string& command_line) {
  const Config& base = scenario.config;
  check_output(output, force, cli::scenario_inputs(scenario.path, base));
  run_interruptibly([&] {
    const PricingReadResult pricing = read_scenario_pricing(scenario.path, scenario.overrides);
    if (!pricing.ok()) throw ConfigFailure(pricing.errors);
    cli::PriceReport report;
    report.spec = pricing.spec;
    report.lines = cli::price_lines(base);
    report.currency = base.currency;
    if (report.lines.empty()) throw ConfigFailure(scenario.path + " has no outcome prices to scale");
    const RunOptions options = cli::paired_options(run_args(paths, seed, threads), base);
    if (const std::string why = check_memory(base, options, 2); !why.empty()) throw NotEnoughMemory(why);
    RunOutput last;
    auto evaluate = [&](double k) {
      Shift s;
      s.path = kOutcomePricesPath;
      s.op = ShiftOp::scale;
      s.amount = k;
      s.where = {"pricing", 0, 0};
      const LoadResult r = cli::load_shifted(scenario.path, scenario.overrides, base, {s});
      if (!r.ok()) throw ConfigFailure(r.errors);
      last = cli::run_paired(*r.config, options);
      return cli::price_metrics_of(last, report.spec);
    };
    cli::PriceSearch search(report.spec, evaluate);
    report.investor = search.investor();
    for (int b = 0; b < cli::kPriceBudgets; ++b) report.payer[b] = search.payer(b);
    report.evaluations = search.evaluations();
    report.verdict = price_verdict(report, base);
    io::ResultWriter w(output, force);
    last.columns = ColumnSet();  // only seed, paths and threads are read
    cli::write_root_metadata(w, {output, force, command_line}, base, last);
    write_price_groups(w, report);
    w.commit();
  });
}

// `sisim tornado`: each uncertain input at its P10 and P90, plus the regime and payer switches,
// on common random numbers; the base run and /tornado in one file (sim/results/tornado).
void tornado_to_file(const Scenario& scenario, const std::string& output, bool force,
                     std::optional<std::int64_t> paths, std::optional<std::uint64_t> seed, int threads,
                     const std::string& command_line) {
  const Config& base = scenario.config;
  check_output(output, force, cli::scenario_inputs(scenario.path, base));
  run_interruptibly([&] {
    const RunOptions options =
        cli::paired_options(run_args(paths, seed, threads), base, /*default_paths=*/2000);
    if (const std::string why = check_memory(base, options, 2); !why.empty()) throw NotEnoughMemory(why);
    const auto inputs = results::tornado_inputs(base);
    const RunOutput base_run = cli::run_paired(base, options);
    results::TornadoResult tornado;
    try {
      tornado = results::run_tornado(scenario.path, scenario.overrides, base, base_run, options, inputs,
                                     [](std::size_t, std::size_t, const std::string&) {});
    } catch (const results::TornadoConfigError& e) {
      throw ConfigFailure(e.errors);
    }
    io::ResultWriter w(output, force);
    cli::write_root_metadata(w, {output, force, command_line}, base, base_run);
    cli::write_run(w, "", base_run, cli::headline_rows(base, base_run), base.currency);
    cli::write_tornado(w, tornado, base.currency);
    w.commit();
  });
}

}  // namespace
}  // namespace sisim::python

PYBIND11_MODULE(_sisim, m) {
  using namespace sisim;
  using namespace sisim::python;
  m.doc() = "sisim engine (wrapped by the `sisim` package; use that)";
  m.attr("version") = std::string(kVersion);
  m.attr("git_hash") = std::string(kGitHash);

  static py::exception<ConfigFailure> config_error(m, "ConfigError", PyExc_ValueError);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const ConfigFailure& e) {
      py::list errors;
      for (const auto& x : e.errors) errors.append(py::make_tuple(x.file, x.line, x.column, x.message));
      std::string text = e.what();
      while (!text.empty() && text.back() == '\n') text.pop_back();
      py::object instance = py::reinterpret_borrow<py::object>(config_error)(text);
      instance.attr("errors") = errors;
      PyErr_SetObject(config_error.ptr(), instance.ptr());
    } catch (const NotEnoughMemory& e) {
      PyErr_SetString(PyExc_MemoryError, e.what());
    } catch (const io::IoError& e) {
      PyErr_SetString(PyExc_OSError, e.what());
    }
  });

  py::class_<Scenario, std::shared_ptr<Scenario>>(m, "Scenario")
      .def_readonly("path", &Scenario::path)
      .def_readonly("overrides", &Scenario::overrides)
      .def_property_readonly("name", [](const Scenario& s) { return s.config.name; })
      .def_property_readonly("paths", [](const Scenario& s) { return s.config.simulation.paths; })
      .def_property_readonly("seed", [](const Scenario& s) { return s.config.simulation.seed; })
      .def("to_yaml", [](const Scenario& s) { return s.config.resolved_yaml; });

  py::class_<RunResult, std::shared_ptr<RunResult>>(m, "RunResult")
      .def_property_readonly("paths", [](const RunResult& r) { return r.run.paths; })
      .def_property_readonly("seed", [](const RunResult& r) { return r.run.seed; })
      .def_property_readonly("threads", [](const RunResult& r) { return r.run.threads; })
      .def_property_readonly("seconds", [](const RunResult& r) { return r.run.seconds; })
      .def_property_readonly("gap_clamped_paths", [](const RunResult& r) { return r.run.gap_clamped_paths; })
      .def_property_readonly("scenario", [](const RunResult& r) { return r.scenario; })
      .def("column", &column)
      .def("column_specs", &column_names)
      .def("summaries", &summaries)
      .def("write", &write_run_file, py::arg("path"), py::arg("force"), py::arg("command_line"));

  m.def("load", &load, py::arg("path"), py::arg("overrides"));
  // The checks `sisim summarize` makes before reading (seal, HDF5, schema version), for sisim.read.
  m.def(
      "check_result_file", [](const std::string& path) { io::ResultReader reader(path); }, py::arg("path"));
  m.def("reseal", &io::reseal_result_file, py::arg("path"));
  m.def("run", &run, py::arg("scenario"), py::arg("paths"), py::arg("seed"), py::arg("threads"));
  m.def("stress", &stress_to_file, py::arg("scenario"), py::arg("cases_file"), py::arg("output"),
        py::arg("force"), py::arg("paths"), py::arg("seed"), py::arg("threads"), py::arg("command_line"));
  m.def("sweep", &sweep_to_file, py::arg("sweep_file"), py::arg("overrides"), py::arg("output"),
        py::arg("force"), py::arg("paths"), py::arg("seed"), py::arg("threads"), py::arg("command_line"));
  m.def("tornado", &tornado_to_file, py::arg("scenario"), py::arg("output"), py::arg("force"),
        py::arg("paths"), py::arg("seed"), py::arg("threads"), py::arg("command_line"));
  m.def("price", &price_to_file, py::arg("scenario"), py::arg("output"), py::arg("force"), py::arg("paths"),
        py::arg("seed"), py::arg("threads"), py::arg("command_line"));
}
