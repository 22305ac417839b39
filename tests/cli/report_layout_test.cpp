// The report reads well anywhere: no horizontal overflow at 400 px (checked in headless Chromium
// when it is installed, skipped with a message otherwise) and every chart axis names its unit.
#include <gtest/gtest.h>
#include <unistd.h>

#include <regex>

#include "cli_test_util.hpp"

namespace sisim {
namespace {

using testing::run_command;
namespace fs = std::filesystem;

std::string base_report(const fs::path& dir) {
  const std::string h5 = (dir / "r.h5").string(), html = (dir / "r.html").string();
  EXPECT_EQ(run_command(testing::sisim_binary() + " run " + testing::source_dir() +
                        "/scenarios/herning-viborg.yaml -o " + h5 +
                        " --paths 500 --quiet --set finance.commitment=15e6")
                .exit_code,
            0);
  EXPECT_EQ(run_command(testing::sisim_binary() + " report " + h5 + " -o " + html).exit_code, 0);
  return testing::read_file(html);
}

std::string chromium() {
  for (const char* name : {"chromium", "chromium-browser", "google-chrome", "chrome-headless-shell"}) {
    const auto r = run_command(std::string("command -v ") + name);
    if (r.exit_code == 0 && !r.output.empty()) return r.output.substr(0, r.output.find('\n'));
  }
  return "";
}

TEST(ReportLayout, EveryAxisTitleNamesItsUnit) {
  const fs::path dir = testing::temp_folder("axes");
  const std::string html = base_report(dir);
  const std::regex title("class=\"axis-title\"[^>]*>([^<]*)<");
  int n = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), title); it != std::sregex_iterator(); ++it) {
    const std::string t = (*it)[1];
    ++n;
    // A unit in parentheses or after a comma ("Cumulative cash (DKK million)", "Annual return
    // (IRR), % a year"), or a time axis in years.
    const bool has_unit =
        t.find('(') != std::string::npos || t.find(", ") != std::string::npos || t.rfind("Year", 0) == 0;
    EXPECT_TRUE(has_unit) << t;
  }
  EXPECT_GT(n, 10);
  fs::remove_all(dir);
}

TEST(ReportLayout, NoHorizontalOverflowAt400And1400Pixels) {
  const std::string browser = chromium();
  if (browser.empty()) GTEST_SKIP() << "Chromium is not installed: the 400 px overflow check is skipped";
  const fs::path dir = testing::temp_folder("layout");
  base_report(dir);
  // Headless Chromium will not make a window narrower than 500 px, so the report is measured in
  // an iframe of the wanted width (its own viewport: media queries apply to it); the probe page
  // writes the widths into its title, which --dump-dom prints.
  for (int width : {400, 1400}) {
    testing::write_file(
        dir / "probe.html",
        "<!DOCTYPE html><html><head><title>x</title></head><body style=\"margin:0\">"
        "<iframe id=\"f\" src=\"r.html\" width=\"" +
            std::to_string(width) +
            "\" height=\"900\" style=\"border:0\"></iframe><script>"
            "document.getElementById('f').onload = function () {"
            "  var d = this.contentDocument.documentElement;"
            "  document.title = 'SW=' + d.scrollWidth + ' VW=' + this.contentWindow.innerWidth; };"
            "</script></body></html>");
    const auto r = run_command(browser +
                               " --headless --no-sandbox --disable-gpu --allow-file-access-from-files "
                               "--virtual-time-budget=5000 --window-size=1600,1000 --dump-dom file://" +
                               (dir / "probe.html").string());
    std::smatch m;
    ASSERT_TRUE(std::regex_search(r.output, m, std::regex("SW=(\\d+) VW=(\\d+)"))) << r.output.substr(0, 300);
    EXPECT_EQ(std::stoi(m[2]), width);
    EXPECT_LE(std::stoi(m[1]), std::stoi(m[2])) << "horizontal overflow at " << width << " px";
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace sisim
