// The extension module `_sisim`: the engine and the result writers of the `sisim` command, called
// in process. The Python package (../sisim/__init__.py) wraps it; see python/README.md.
//
// - load: the command line's load_scenario plus the checks of `sisim validate` (stress cases and
//   pricing targets), every error raised at once as sisim.ConfigError.
// - run: run_simulation with the GIL released; the per-path columns are handed to numpy without
//   copying (each array's base is the result object, which keeps the C++ columns alive).
// - stress / sweep / price / tornado: the library front door (sim/api/front_door.hpp), the very
//   calls the commands make, writing the same file; the Python side reads it back.
// - report: the HTML report of a result file (analysis/report/report_of_file.hpp), as `sisim report`.
// - errors: api::Error mapped to a Python exception type in one place (python_error below).
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/alternatives.hpp"
#include "analysis/report/report_of_file.hpp"
#include "config/loader.hpp"
#include "config/pricing.hpp"
#include "config/stress.hpp"
#include "interruptible.hpp"
#include "sim/api/error.hpp"
#include "sim/api/front_door.hpp"
#include "sim/api/result_file.hpp"
#include "sim/api/society_file.hpp"
#include "sim/engine/engine.hpp"
#include "sim/io/h5_reader.hpp"
#include "sim/io/io_error.hpp"
#include "sim/io/output_file.hpp"
#include "sim/io/result_schema.hpp"
#include "sim/io/result_seal.hpp"
#include "sim/stats/statistics.hpp"
#include "sisim/version.hpp"

namespace py = pybind11;

namespace sisim::python {

using engine::RunOutput;

using config::ConfigError;
using config::read_scenario_pricing;
using config::read_scenario_stress;

namespace {

using Scenario = api::Scenario;

struct RunResult {
  RunOutput run;
  std::shared_ptr<const Scenario> scenario;

  // The run's summaries, made on first use by summaries() or write() and then shared by both (each
  // is a selection over every path of every metric; `sisim run` too makes them once).
  const api::RunSummaries& summarised() const {
    std::call_once(summarised_once_, [this] { summaries_ = api::run_summaries(scenario->config, run); });
    return *summaries_;
  }

 private:
  mutable std::once_flag summarised_once_;
  mutable std::optional<api::RunSummaries> summaries_;
};

api::RunSettings settings(std::optional<std::int64_t> paths, std::optional<std::uint64_t> seed, int threads) {
  return {paths, seed, threads};
}

std::shared_ptr<Scenario> load(const std::string& path, const std::vector<std::string>& overrides) {
  py::gil_scoped_release release;  // loading reads files and may take a moment: let other threads run
  auto scenario = std::make_shared<Scenario>(api::load(path, overrides));
  // As `sisim validate`: the scenario's stress cases and pricing targets too.
  std::vector<ConfigError> errors = read_scenario_stress(path, overrides).errors;
  const auto pricing = read_scenario_pricing(path, overrides);
  errors.insert(errors.end(), pricing.errors.begin(), pricing.errors.end());
  if (!errors.empty()) throw api::Error(std::move(errors));
  return scenario;
}

std::shared_ptr<RunResult> run(const std::shared_ptr<const Scenario>& scenario,
                               std::optional<std::int64_t> paths, std::optional<std::uint64_t> seed,
                               int threads) {
  api::RunRequest request;  // as `sisim run`, without a progress bar or checkpoint
  request.settings = settings(paths, seed, threads);
  auto result = std::make_shared<RunResult>();
  result->scenario = scenario;
  run_interruptibly([&] { result->run = api::run(*scenario, request); });
  return result;
}

void write_run_file(const RunResult& r, const std::string& path, bool force,
                    const std::string& command_line) {
  py::gil_scoped_release release;
  api::write_run_file({path, force, command_line}, *r.scenario, r.run, r.summarised());
}

// One summary as the dict of its /summary datasets.
py::dict summary_dict(const stats::Summary& s) {
  py::dict d;
  d["mean"] = s.mean;
  d["sd"] = s.sd;
  d["se"] = s.se_mean;
  d["quantiles"] = std::vector<double>(s.quantiles.begin(), s.quantiles.end());
  d["quantile_se"] = std::vector<double>(s.quantile_se.begin(), s.quantile_se.end());
  d["quantile_levels"] = std::vector<double>(stats::kQuantileLevels.begin(), stats::kQuantileLevels.end());
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
  const api::RunSummaries* made = nullptr;
  {
    py::gil_scoped_release release;  // a selection over every path of every metric
    made = &r.summarised();
  }
  py::list out;
  for (const auto& row : made->headline.metrics)
    out.append(py::make_tuple(row.spec.group, summary_dict(row.summary)));
  // Society's account and the funding alternatives, as write_society files them under /summary.
  if (const auto& society = made->society) {
    const auto scalars = [&out](const std::string& group,
                                std::initializer_list<std::pair<const char*, double>> values) {
      py::dict d;
      for (const auto& [name, value] : values) d[name] = value;
      out.append(py::make_tuple(group, d));
    };
    const auto full = [&out](const std::string& group, const stats::Summary& s) {
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
  const int c = r.run.columns.find(io::path_of_relative_name(name));
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
    d["name"] = io::relative_column_name(spec.path);
    d["units"] = spec.units;
    d["description"] = spec.description;
    d["integer"] = spec.integer();
    out.append(d);
  }
  return out;
}

// `sisim stress` on `scenario` with the cases of `cases_file` (or the scenario's own section).
void stress_to_file(const Scenario& scenario, const std::string& cases_file, const std::string& output,
                    bool force, std::optional<std::int64_t> paths, std::optional<std::uint64_t> seed,
                    int threads, const std::string& command_line) {
  run_interruptibly([&] {
    api::stress(scenario, cases_file, settings(paths, seed, threads), {output, force, command_line}, {});
  });
}

// `sisim sweep SWEEP.yaml` with --set `overrides` on its base scenario.
void sweep_to_file(const std::string& sweep_file, const std::vector<std::string>& overrides,
                   const std::string& output, bool force, std::optional<std::int64_t> paths,
                   std::optional<std::uint64_t> seed, int threads, const std::string& command_line) {
  run_interruptibly([&] {
    api::sweep({sweep_file, overrides, {}, {}}, settings(paths, seed, threads), {output, force, command_line},
               {});
  });
}

// `sisim price SCENARIO.yaml`.
void price_to_file(const Scenario& scenario, const std::string& output, bool force,
                   std::optional<std::int64_t> paths, std::optional<std::uint64_t> seed, int threads,
                   const std::string& command_line) {
  run_interruptibly([&] {
    api::price(scenario, settings(paths, seed, threads), {output, force, command_line}, {});
  });
}

// `sisim tornado`: each uncertain input at its P10 and P90, plus the regime and payer switches,
// on common random numbers; the base run and /tornado in one file (sim/results/tornado).
void tornado_to_file(const Scenario& scenario, const std::string& output, bool force,
                     std::optional<std::int64_t> paths, std::optional<std::uint64_t> seed, int threads,
                     const std::string& command_line) {
  run_interruptibly([&] {
    api::tornado(scenario, settings(paths, seed, threads), {output, force, command_line}, {});
  });
}

// `sisim report RESULTS.h5 -o REPORT.html`: the same checks, the same page, the same atomic write.
void report_to_file(const std::string& result_file, const std::string& output, bool force) {
  api::check_output({output, force, ""}, {{result_file, "the result file"}});
  const std::string html =
      api::reading(result_file, [&] { return report::render_report_of_file(result_file); });
  io::write_file_atomically(output, force, html);
}

// The one mapping of the library's errors to Python exceptions: config -> sisim.ConfigError
// (a ValueError, with .errors = [(file, line, column, message)]), usage -> ValueError, resources ->
// MemoryError, io and data -> OSError, interrupted (a signal Python did not see) -> KeyboardInterrupt,
// internal -> RuntimeError.
void python_error(const api::Error& e, const py::object& config_error) {
  std::string text = e.what();
  while (!text.empty() && text.back() == '\n') text.pop_back();
  switch (e.kind) {
    case api::ErrorKind::config: {
      py::list errors;
      for (const auto& x : e.findings) errors.append(py::make_tuple(x.file, x.line, x.column, x.message));
      py::object instance = config_error(text);
      instance.attr("errors") = errors;
      PyErr_SetObject(config_error.ptr(), instance.ptr());
      return;
    }
    case api::ErrorKind::usage:
      PyErr_SetString(PyExc_ValueError, text.c_str());
      return;
    case api::ErrorKind::resources:
      PyErr_SetString(PyExc_MemoryError, text.c_str());
      return;
    case api::ErrorKind::io:
    case api::ErrorKind::data:
      PyErr_SetString(PyExc_OSError, text.c_str());
      return;
    case api::ErrorKind::interrupted:
      PyErr_SetString(PyExc_KeyboardInterrupt, text.c_str());
      return;
    case api::ErrorKind::internal:
      PyErr_SetString(PyExc_RuntimeError, text.c_str());
      return;
  }
}

}  // namespace
}  // namespace sisim::python

PYBIND11_MODULE(_sisim, m) {
  using namespace sisim;
  using namespace sisim::python;
  m.doc() = "sisim engine (wrapped by the `sisim` package; use that)";
  m.attr("version") = std::string(kVersion);
  m.attr("git_hash") = std::string(kGitHash);

  static py::exception<api::Error> config_error(m, "ConfigError", PyExc_ValueError);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const api::Error& e) {
      python_error(e, config_error);
    } catch (const io::IoError& e) {  // the readers' errors (sisim.read's checks)
      python_error(api::Error(api::ErrorKind::data, e.what()), config_error);
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
  m.def("report", &report_to_file, py::arg("result_file"), py::arg("output"), py::arg("force"));
  m.def("price", &price_to_file, py::arg("scenario"), py::arg("output"), py::arg("force"), py::arg("paths"),
        py::arg("seed"), py::arg("threads"), py::arg("command_line"));
}
