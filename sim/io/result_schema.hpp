#pragma once
// The layout of a run's per-path columns (/paths/..., docs/HDF5.md 2.3), in one table: every
// column's name, group, element type in the file, unit and description. The engine registers its
// columns from it, the writer takes each column's file type from it, and a test checks the table
// of docs/HDF5.md against it, so the layout is written down once.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace sisim::io {

// The result schema version (root attribute `schema_version`); readers refuse any other.
// 3: flag columns are uint8 (were int32 in version 2).
inline constexpr std::int64_t kResultSchemaVersion = 3;

// Element type of a column in the file. Integer columns (counts, months, status codes) stay
// integers; 0/1 flags take one byte.
enum class ElementType : std::uint8_t { float64, int32, uint8 };
const char* to_string(ElementType type);  // "float64", "int32", "uint8" (as docs/HDF5.md names them)

// What a column's `units` attribute says; money is the scenario's currency.
enum class Unit : std::uint8_t {
  currency,  // the scenario's `currency`, e.g. DKK (the investor's and the contract's money, nominal)
  // a public NPV: the currency and the price basis of public.discount, "DKK, real 2026 prices"
  public_money,
  per_year,  // "1/year": annualised rates
  ratio,     // "1": dimensionless
  month,     // a month index, month 0 = contract start
  months,    // a duration
  people,
  starts,
  events,
  events_per_person,
  enum_code,      // "enum": a status code
  flag,           // 0/1
  as_configured,  // the unit of the sampled configuration key
};
// The `units` text of `unit` in a scenario whose money is in `currency` and whose public NPVs are
// on `price_basis` (config's public_price_basis, e.g. "real 2026 prices").
std::string units_text(Unit unit, const std::string& currency, const std::string& price_basis = "");

// Where a column lives: its dataset path is the group's prefix, then `name`.
enum class ColumnGroup : std::uint8_t {
  investor,      // /paths/investor/
  loss,          // /paths/investor/loss/ and /paths/tranches/<tranche>/loss/
  tranche,       // /paths/tranches/<tranche>/
  budget,        // /paths/budgets/<budget>/
  outcomes,      // /paths/outcomes/
  params,        // /paths/params/<configuration key>
  society,       // /paths/society/
  division,      // /paths/society/division/
  alternatives,  // /paths/alternatives/
};

struct ColumnSchema {
  ColumnGroup group;
  std::string_view name;  // last path component(s), e.g. "irr" or "discounted_payback_month"
  ElementType type;
  Unit unit;
  std::string_view description;  // the dataset's `description` attribute
};

// Every per-path column a run can write (which ones a scenario writes depends on its terms).
std::span<const ColumnSchema> per_path_columns();

// The entry of `name` in `group`; throws std::logic_error for a column the table lacks (a
// programming error: every column the engine writes is in the table).
const ColumnSchema& column_schema(ColumnGroup group, std::string_view name);

// The `description` of a column: the table's text, with "<key>" replaced by `instance` (sampled
// parameters name their configuration key) and "<basis>" by the public NPVs' `price_basis`.
std::string column_description(const ColumnSchema& column, const std::string& instance = "",
                               const std::string& price_basis = "");

// The dataset path of a column: `instance` is the tranche or budget name, or the configuration key
// of a sampled parameter (ignored for the other groups).
std::string column_path(const ColumnSchema& column, const std::string& instance = "");

// Readers and derived results name their columns through the helpers below, never by spelling a
// path (ctest -R SchemaPaths fails on a "/paths..." literal anywhere else), so a renamed column or
// group is a change to this table alone.

// column_path(column_schema(group, name), instance): the path of a column the table has.
std::string column_path(ColumnGroup group, std::string_view name, const std::string& instance = "");

// The group holding every per-path column.
inline constexpr std::string_view kPerPathRoot = "/paths";

// The folder of a group's columns (no trailing '/'): "/paths/investor", "/paths/investor/loss" or
// "/paths/tranches/<instance>/loss", "/paths/tranches/<instance>", "/paths/budgets/<instance>",
// "/paths/params", ... With an empty `instance`, the tranche and budget groups give the folder of
// all tranches or budgets ("/paths/tranches", "/paths/budgets"), whose members are their names.
std::string group_path(ColumnGroup group, const std::string& instance = "");

// A column's name relative to /paths ("investor/irr"), as the CSV export, the sweep's metrics and
// the Python module name columns; path_of_relative_name is its inverse.
std::string relative_column_name(std::string_view path);
std::string path_of_relative_name(std::string_view relative_name);

}  // namespace sisim::io
