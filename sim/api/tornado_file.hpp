#pragma once
// The /tornado group of a tornado file (docs/HDF5.md, section 7) and its terminal table.
#include <string>

#include "sim/io/h5_writer.hpp"
#include "sim/results/tornado.hpp"

namespace sisim::api {

// `public_basis` (public_price_basis of the base) labels the municipality's NPV units.
void write_tornado(io::ResultWriter& writer, const results::TornadoResult& tornado,
                   const std::string& currency, const std::string& public_basis);

// Reads /tornado back (inputs carry names and labels only; no shifts). Throws io::IoError.
results::TornadoResult read_tornado(const std::string& path);

// One block per metric, inputs ranked by |swing|, each with both ends and swing ± SE.
std::string format_tornado_table(const results::TornadoResult& tornado, const std::string& title);

}  // namespace sisim::api
