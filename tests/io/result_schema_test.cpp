// The per-path column table (sim/io/result_schema.hpp) against docs/HDF5.md 2.3 and the layout
// rules written there: one definition of the file layout, so the page and the files cannot drift.
#include "sim/io/result_schema.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

namespace sisim::io {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A row of a docs/HDF5.md 2.3 table: | `name` | type | units | meaning |
struct DocRow {
  std::string type, units;
};

// The rows of the three tables of section 2.3 (investor, budgets, outcomes), keyed by the group the
// table is under and the name in its first cell.
std::map<std::pair<ColumnGroup, std::string>, DocRow> documented_columns() {
  const std::string doc = read_file(std::string(SISIM_SOURCE_DIR) + "/docs/HDF5.md");
  const auto begin = doc.find("### 2.3"), end = doc.find("### 2.4");
  EXPECT_NE(begin, std::string::npos);
  EXPECT_NE(end, std::string::npos);
  std::istringstream section(doc.substr(begin, end - begin));
  std::map<std::pair<ColumnGroup, std::string>, DocRow> rows;
  ColumnGroup group = ColumnGroup::investor;
  std::string line;
  while (std::getline(section, line)) {
    if (line.starts_with("`/paths/investor/`")) group = ColumnGroup::investor;
    if (line.starts_with("`/paths/budgets/<budget>/`")) group = ColumnGroup::budget;
    if (line.starts_with("`/paths/outcomes/`")) group = ColumnGroup::outcomes;
    if (!line.starts_with("| `")) continue;
    std::vector<std::string> cells;
    std::stringstream cut(line.substr(1));
    std::string cell;
    while (std::getline(cut, cell, '|')) {
      const auto first = cell.find_first_not_of(' '), last = cell.find_last_not_of(' ');
      cells.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
    }
    if (cells.size() < 4) continue;
    std::string name = cells[0].substr(1, cells[0].size() - 2);  // without the backticks
    ColumnGroup row_group = group;
    if (name.starts_with("loss/")) {
      row_group = ColumnGroup::loss;
      name = name.substr(5);
    }
    rows[{row_group, name}] = {cells[1], cells[2]};
  }
  return rows;
}

TEST(ResultSchema, TheTablesOfHdf5MdSection23NameEveryColumnWithTheSchemaTypeAndUnit) {
  const auto documented = documented_columns();
  ASSERT_GE(documented.size(), 30u);  // 15 investor, 2 budget, 13 outcome rows at the time of writing
  std::set<std::pair<ColumnGroup, std::string>> seen;
  for (const auto& column : per_path_columns()) {
    const bool tabled = column.group == ColumnGroup::investor || column.group == ColumnGroup::loss ||
                        column.group == ColumnGroup::budget || column.group == ColumnGroup::outcomes;
    if (!tabled) continue;
    const auto key = std::make_pair(column.group, std::string(column.name));
    seen.insert(key);
    const auto row = documented.find(key);
    ASSERT_NE(row, documented.end()) << column.name << " is missing from docs/HDF5.md 2.3";
    EXPECT_EQ(row->second.type, to_string(column.type)) << column.name;
    // Money reads "currency" or the default currency DKK on the page, public NPVs with their price
    // basis ("DKK, basis (...)"); every other unit literally.
    if (column.unit == Unit::currency)
      EXPECT_TRUE(row->second.units == "currency" || row->second.units == "DKK") << column.name;
    else if (column.unit == Unit::public_money)
      EXPECT_TRUE(row->second.units.starts_with("DKK, basis")) << column.name << ": " << row->second.units;
    else
      EXPECT_EQ(row->second.units, units_text(column.unit, "DKK")) << column.name;
  }
  for (const auto& [key, row] : documented)
    EXPECT_TRUE(seen.contains(key)) << key.second << " is documented but not in the schema table";
}

TEST(ResultSchema, CountsMonthsAndCodesAreIntegersAndFlagsOneByte) {
  // docs/HDF5.md 1: float64 for amounts and rates, int32 for counts, months and status codes,
  // uint8 for 0/1 flags. Months as a duration of employment are person-months (fractional), so
  // `months` may be either; every other unit decides the type.
  for (const auto& column : per_path_columns()) {
    switch (column.unit) {
      case Unit::flag:
        EXPECT_EQ(column.type, ElementType::uint8) << column.name;
        break;
      case Unit::month:
      case Unit::people:
      case Unit::starts:
      case Unit::enum_code:
        EXPECT_EQ(column.type, ElementType::int32) << column.name;
        break;
      case Unit::months:
        break;
      default:
        EXPECT_EQ(column.type, ElementType::float64) << column.name;
    }
  }
}

TEST(ResultSchema, EachColumnIsDefinedOnceAndLandsAtItsDocumentedPath) {
  std::set<std::string> paths;
  for (const auto& column : per_path_columns())
    EXPECT_TRUE(paths.insert(column_path(column, "x")).second) << column_path(column, "x") << " twice";
  EXPECT_EQ(column_path(column_schema(ColumnGroup::investor, "irr")), "/paths/investor/irr");
  EXPECT_EQ(column_path(column_schema(ColumnGroup::loss, "nominal")), "/paths/investor/loss/nominal");
  EXPECT_EQ(column_path(column_schema(ColumnGroup::loss, "nominal"), "senior"),
            "/paths/tranches/senior/loss/nominal");
  EXPECT_EQ(column_path(column_schema(ColumnGroup::tranche, "irr"), "senior"), "/paths/tranches/senior/irr");
  EXPECT_EQ(column_path(column_schema(ColumnGroup::budget, "npv"), "state"), "/paths/budgets/state/npv");
  EXPECT_EQ(column_path(column_schema(ColumnGroup::division, "investor")),
            "/paths/society/division/investor");
  const auto& parameter = column_schema(ColumnGroup::params, "");
  EXPECT_EQ(column_path(parameter, "cohort.fill_rate"), "/paths/params/cohort.fill_rate");
  EXPECT_EQ(column_description(parameter, "cohort.fill_rate"),
            "sampled value of cohort.fill_rate on this path");
  EXPECT_EQ(units_text(Unit::currency, "EUR"), "EUR");
  EXPECT_EQ(units_text(Unit::public_money, "DKK", "real 2026 prices"), "DKK, real 2026 prices");
  EXPECT_EQ(column_description(column_schema(ColumnGroup::budget, "npv"), "state", "nominal"),
            "NPV at public.discount (nominal) of savings minus outcome and guarantee payments");
  EXPECT_THROW(column_schema(ColumnGroup::investor, "no_such_column"), std::logic_error);
}

// The helpers readers name columns with (no reader spells a path: ctest -R SchemaPaths): each
// group's folder as docs/HDF5.md 2.3 lays it out, the by-name lookup, and names relative to /paths.
TEST(ResultSchema, ReadersFindEachGroupAndColumnThroughTheTable) {
  EXPECT_EQ(kPerPathRoot, "/paths");
  EXPECT_EQ(group_path(ColumnGroup::investor), "/paths/investor");
  EXPECT_EQ(group_path(ColumnGroup::loss), "/paths/investor/loss");
  EXPECT_EQ(group_path(ColumnGroup::loss, "junior"), "/paths/tranches/junior/loss");
  EXPECT_EQ(group_path(ColumnGroup::tranche), "/paths/tranches");  // its members: the tranches
  EXPECT_EQ(group_path(ColumnGroup::tranche, "junior"), "/paths/tranches/junior");
  EXPECT_EQ(group_path(ColumnGroup::budget), "/paths/budgets");  // its members: the budgets
  EXPECT_EQ(group_path(ColumnGroup::budget, "region"), "/paths/budgets/region");
  EXPECT_EQ(group_path(ColumnGroup::outcomes), "/paths/outcomes");
  EXPECT_EQ(group_path(ColumnGroup::params), "/paths/params");
  EXPECT_EQ(group_path(ColumnGroup::society), "/paths/society");
  EXPECT_EQ(group_path(ColumnGroup::division), "/paths/society/division");
  EXPECT_EQ(group_path(ColumnGroup::alternatives), "/paths/alternatives");
  EXPECT_EQ(column_path(ColumnGroup::budget, "npv", "public_total"), "/paths/budgets/public_total/npv");
  EXPECT_EQ(column_path(ColumnGroup::loss, "npv_negative", "senior"),
            "/paths/tranches/senior/loss/npv_negative");
  EXPECT_EQ(column_path(ColumnGroup::params, "", "recession.severity"), "/paths/params/recession.severity");
  EXPECT_THROW(column_path(ColumnGroup::society, "no_such_column"), std::logic_error);
  EXPECT_EQ(relative_column_name("/paths/investor/irr"), "investor/irr");
  EXPECT_EQ(relative_column_name("investor/irr"), "investor/irr");  // already relative
  EXPECT_EQ(path_of_relative_name("budgets/state/npv"), "/paths/budgets/state/npv");
}

}  // namespace
}  // namespace sisim::io
