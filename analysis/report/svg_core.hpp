#pragma once
// The smallest pieces of the report: HTML escaping, number formatting for readers, and a writer
// for inline SVG elements. Styling lives in the report's inline CSS (class names), so charts carry
// no fonts, images or links: the report is one self-contained file.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sisim::report {

// Escapes & < > " ' so any text (scenario names, parameter paths) is safe in HTML and SVG.
std::string escape_html(std::string_view text);

// Fixed-point with `decimals` digits, a minus sign for negatives, "-0" printed as "0", and
// non-finite values as "n/a".
std::string format_fixed(double value, int decimals);
// 0.1234 -> "12.3 %" (decimals after the point of the percentage).
std::string format_percent(double fraction, int decimals = 1);
// 1.234 -> "1.23x"
std::string format_multiple(double value);
// Money for prose and tables: 1'250'000 -> "1.25 million", 48'000 -> "48 thousand", 950 -> "950".
std::string format_money(double value);

// Colour-blind-safe palette (Okabe-Ito), cycled by series index.
const char* series_colour(std::size_t index);

// Builds one <svg> element. Coordinates are pixels of the viewBox; the chart scales with the page.
class Svg {
 public:
  Svg(double width, double height, std::string_view title);

  void line(double x1, double y1, double x2, double y2, std::string_view css_class);
  void rect(double x, double y, double w, double h, std::string_view fill, std::string_view tooltip = {});
  void text(double x, double y, std::string_view content, std::string_view css_class,
            std::string_view anchor = "start", double rotate_degrees = 0.0);
  // A filled polygon or an open polyline through points, in pixel coordinates.
  void polygon(const std::vector<std::pair<double, double>>& points, std::string_view fill, double opacity);
  void polyline(const std::vector<std::pair<double, double>>& points, std::string_view stroke, double width);

  double width() const { return width_; }
  double height() const { return height_; }
  std::string finish();  // closes the element and returns it

 private:
  double width_, height_;
  std::string out_;
};

}  // namespace sisim::report
