// api::compare: run files read back for analysis::compare_runs.
#include "sim/api/error.hpp"
#include "sim/api/front_door.hpp"
#include "sim/io/h5_reader.hpp"
#include "sim/io/io_error.hpp"
#include "sim/io/result_schema.hpp"

namespace sisim::api {

CompareResult compare(const std::vector<std::string>& files) {
  CompareResult result;
  for (const auto& file : files) {
    try {
      const io::ResultReader r(file);
      if (!r.exists(io::column_path(io::ColumnGroup::investor, "npv")))
        throw io::IoError("not the result of `sisim run` (no /paths); see docs/HDF5.md");
      analysis::CompareRun run;
      run.name = r.attribute_string("/", "scenario");
      run.seed = r.attribute_uint("/", "seed");
      run.paths = r.attribute_int("/", "paths");
      for (const auto& path : analysis::compare_column_paths())
        if (r.exists(path)) run.columns[path] = r.read_doubles(path);
      result.runs.push_back(std::move(run));
    } catch (const std::exception& e) {  // an input that cannot be read is bad data (exit 65)
      throw Error(ErrorKind::data, file + ": " + e.what());
    }
  }
  result.table = analysis::compare_runs(result.runs);
  return result;
}

}  // namespace sisim::api
