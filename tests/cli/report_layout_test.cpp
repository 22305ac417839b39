// The reports read well anywhere (run, stress, sweep and price files): no horizontal overflow at
// 400 px (checked in headless Chromium, which scripts/install-deps.sh installs; skipped with a
// message where it is absent) and every chart axis names its unit.
#include <gtest/gtest.h>
#include <unistd.h>

#include <regex>

#include "cli_test_util.hpp"

namespace sisim {
namespace {

using testing::run_command;
namespace fs = std::filesystem;

// The run report of the base scenario and the reports of a stress, a 2-parameter grid sweep, a
// Latin-hypercube sweep and a price file, written once into `dir`; returns the HTML file names.
std::vector<std::string> write_reports(const fs::path& dir) {
  const std::string bin = testing::sisim_binary(),
                    base = testing::source_dir() + "/scenarios/herning-viborg.yaml";
  const auto ok = [](const std::string& command) {
    const auto r = run_command(command);
    EXPECT_EQ(r.exit_code, 0) << command << "\n" << r.output.substr(0, 400);
  };
  ok(bin + " run " + base + " -o " + (dir / "run.h5").string() +
     " --paths 500 --quiet --set finance.commitment=15e6");
  ok(bin + " stress " + base + " --cases " + testing::source_dir() + "/scenarios/stress/standard.yaml -o " +
     (dir / "stress.h5").string() + " --paths 100 --quiet");
  testing::write_file(dir / "grid.yaml",
                      "scenario: " + base +
                          "\npaths: 40\ngrid:\n"
                          "  - {path: intervention.effect.employment_gap, values: [0.1, 0.15, 0.2, 0.25]}\n"
                          "  - {path: contract.outcome_prices, scale: [0.5, 1, 1.5]}\n");
  ok(bin + " sweep " + (dir / "grid.yaml").string() + " -o " + (dir / "grid.h5").string() + " --quiet");
  testing::write_file(dir / "lhs.yaml",
                      "scenario: " + base +
                          "\npaths: 40\nlatin_hypercube:\n  samples: 6\n  parameters:\n"
                          "    - {path: intervention.effect.employment_gap, min: 0.1, max: 0.3}\n"
                          "    - {path: contract.outcome_prices, min: 0.5, max: 1.5}\n");
  ok(bin + " sweep " + (dir / "lhs.yaml").string() + " -o " + (dir / "lhs.h5").string() + " --quiet");
  ok(bin + " price " + base + " -o " + (dir / "price.h5").string() + " --paths 100 --quiet");
  std::vector<std::string> names;
  for (const char* kind : {"run", "stress", "grid", "lhs", "price"}) {
    const std::string html = std::string(kind) + ".html";
    ok(bin + " report " + (dir / (std::string(kind) + ".h5")).string() + " -o " + (dir / html).string());
    names.push_back(html);
  }
  return names;
}

std::string chromium() {
  for (const char* name : {"chromium", "chromium-browser", "google-chrome", "chrome-headless-shell"}) {
    const auto r = run_command(std::string("command -v ") + name);
    if (r.exit_code == 0 && !r.output.empty()) return r.output.substr(0, r.output.find('\n'));
  }
  return "";
}

class ReportLayout : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = testing::temp_folder("layout");
    reports_ = write_reports(dir_);
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  static fs::path dir_;
  static std::vector<std::string> reports_;
};
fs::path ReportLayout::dir_;
std::vector<std::string> ReportLayout::reports_;

TEST_F(ReportLayout, EveryAxisTitleNamesItsUnit) {
  const std::regex title("class=\"axis-title\"[^>]*>([^<]*)<");
  for (const auto& report : reports_) {
    SCOPED_TRACE(report);
    const std::string html = testing::read_file(dir_ / report);
    int n = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), title); it != std::sregex_iterator();
         ++it) {
      const std::string t = (*it)[1];
      ++n;
      // A unit in parentheses or after a comma ("Cumulative cash (DKK million)", "Annual return
      // (IRR), % a year", "Change against the base, percentage points"), or a time axis in years.
      const bool has_unit =
          t.find('(') != std::string::npos || t.find(", ") != std::string::npos || t.rfind("Year", 0) == 0;
      EXPECT_TRUE(has_unit) << t;
    }
    EXPECT_GE(n, 4);  // the price report has the fewest charts: two
  }
}

TEST_F(ReportLayout, NoHorizontalOverflowAt400And1400Pixels) {
  const std::string browser = chromium();
  if (browser.empty())
    GTEST_SKIP() << "Chromium is not installed (scripts/install-deps.sh installs it): the 400 px overflow "
                    "check is skipped";
  // Headless Chromium will not make a window narrower than 500 px, so each report is measured in
  // an iframe of the wanted width (its own viewport: media queries apply to it); the probe page
  // writes the widths into its title, which --dump-dom prints.
  for (const auto& report : reports_)
    for (int width : {400, 1400}) {
      SCOPED_TRACE(report + " at " + std::to_string(width) + " px");
      testing::write_file(
          dir_ / "probe.html",
          "<!DOCTYPE html><html><head><title>x</title></head><body style=\"margin:0\">"
          "<iframe id=\"f\" src=\"" +
              report + "\" width=\"" + std::to_string(width) +
              "\" height=\"900\" style=\"border:0\"></iframe><script>"
              "document.getElementById('f').onload = function () {"
              "  var d = this.contentDocument.documentElement;"
              "  document.title = 'SW=' + d.scrollWidth + ' VW=' + this.contentWindow.innerWidth; };"
              "</script></body></html>");
      const auto r = run_command(browser +
                                 " --headless --no-sandbox --disable-gpu --allow-file-access-from-files "
                                 "--virtual-time-budget=5000 --window-size=1600,1000 --dump-dom file://" +
                                 (dir_ / "probe.html").string());
      std::smatch m;
      ASSERT_TRUE(std::regex_search(r.output, m, std::regex("SW=(\\d+) VW=(\\d+)")))
          << r.output.substr(0, 300);
      EXPECT_EQ(std::stoi(m[2]), width);
      EXPECT_LE(std::stoi(m[1]), std::stoi(m[2])) << "horizontal overflow";
    }
}

}  // namespace
}  // namespace sisim
