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
  std::string html = base_report(dir);
  // The report has no scripts; this copy reports the page's widths in its title.
  html.replace(html.rfind("</body>"), 7,
               "<script>document.title = 'SW=' + document.documentElement.scrollWidth + ' VW=' + "
               "window.innerWidth;</script></body>");
  testing::write_file(dir / "probe.html", html);
  for (int width : {400, 1400}) {
    const auto r = run_command(
        browser + " --headless --no-sandbox --disable-gpu --window-size=" + std::to_string(width) +
        ",900 --dump-dom file://" + (dir / "probe.html").string());
    std::smatch m;
    ASSERT_TRUE(std::regex_search(r.output, m, std::regex("SW=(\\d+) VW=(\\d+)"))) << r.output.substr(0, 300);
    EXPECT_LE(std::stoi(m[1]), std::stoi(m[2])) << "at " << width << " px";
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace sisim
