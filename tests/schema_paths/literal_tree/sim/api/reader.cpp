// Fixture for ctest SchemaPaths.LiteralIsCaught: reads "/paths/investor/irr" (a comment: allowed).
#include "sim/io/result_schema.hpp"
const auto from_table = sisim::io::column_path(sisim::io::ColumnGroup::investor, "irr");
const char* const spelled = "/paths/investor/npv";  // caught
