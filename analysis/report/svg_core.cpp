#include "analysis/report/svg_core.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>

namespace sisim::report {
namespace {

// Pixel coordinates with one decimal: enough for a crisp chart, small output.
std::string px(double v) {
  return format_fixed(v, 1);
}

std::string points_attribute(const std::vector<std::pair<double, double>>& points) {
  std::string s;
  for (const auto& [x, y] : points) {
    if (!s.empty()) s += ' ';
    s += px(x) + ',' + px(y);
  }
  return s;
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string format_fixed(double value, int decimals) {
  if (!std::isfinite(value)) return "n/a";
  std::string s = fmt::format("{:.{}f}", value, decimals);
  // "-0.0" reads as a sign error to a reader: print zero without a sign.
  if (s.front() == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

std::string format_percent(double fraction, int decimals) {
  if (!std::isfinite(fraction)) return "n/a";
  return format_fixed(100.0 * fraction, decimals) + " %";
}

std::string format_multiple(double value) {
  if (!std::isfinite(value)) return "n/a";
  return format_fixed(value, 2) + "x";
}

std::string format_money(double value) {
  if (!std::isfinite(value)) return "n/a";
  const double a = std::abs(value);
  // Three significant digits in the chosen unit.
  const auto in_unit = [&](double scale, const char* name) {
    const double v = value / scale;
    const int decimals = std::abs(v) >= 100.0 ? 0 : (std::abs(v) >= 10.0 ? 1 : 2);
    return format_fixed(v, decimals) + " " + name;
  };
  if (a >= 1e9) return in_unit(1e9, "billion");
  if (a >= 1e6) return in_unit(1e6, "million");
  if (a >= 1e4) return in_unit(1e3, "thousand");
  return format_fixed(value, 0);
}

const char* series_colour(std::size_t index) {
  static constexpr std::array<const char*, 8> kColours = {"#0072B2", "#E69F00", "#009E73", "#D55E00",
                                                          "#56B4E9", "#CC79A7", "#F0E442", "#555555"};
  return kColours[index % kColours.size()];
}

Svg::Svg(double width, double height, std::string_view title) : width_(width), height_(height) {
  // No xmlns: inline SVG in HTML5 does not need it, and the report carries no URL at all.
  out_ = "<svg viewBox=\"0 0 " + px(width) + " " + px(height) + "\" role=\"img\" aria-label=\"" +
         escape_html(title) + "\"><title>" + escape_html(title) + "</title>\n";
}

void Svg::line(double x1, double y1, double x2, double y2, std::string_view css_class) {
  out_ += "<line x1=\"" + px(x1) + "\" y1=\"" + px(y1) + "\" x2=\"" + px(x2) + "\" y2=\"" + px(y2) +
          "\" class=\"" + escape_html(css_class) + "\"/>\n";
}

void Svg::rect(double x, double y, double w, double h, std::string_view fill, std::string_view tooltip) {
  if (w < 0) x += w, w = -w;
  if (h < 0) y += h, h = -h;
  out_ += "<rect x=\"" + px(x) + "\" y=\"" + px(y) + "\" width=\"" + px(w) + "\" height=\"" + px(h) +
          "\" fill=\"" + escape_html(fill) + "\"";
  if (tooltip.empty()) {
    out_ += "/>\n";
  } else {
    out_ += "><title>" + escape_html(tooltip) + "</title></rect>\n";
  }
}

void Svg::text(double x, double y, std::string_view content, std::string_view css_class,
               std::string_view anchor, double rotate_degrees) {
  out_ += "<text x=\"" + px(x) + "\" y=\"" + px(y) + "\" class=\"" + escape_html(css_class) +
          "\" text-anchor=\"" + escape_html(anchor) + "\"";
  if (rotate_degrees != 0.0)
    out_ += " transform=\"rotate(" + px(rotate_degrees) + " " + px(x) + " " + px(y) + ")\"";
  out_ += ">" + escape_html(content) + "</text>\n";
}

void Svg::polygon(const std::vector<std::pair<double, double>>& points, std::string_view fill,
                  double opacity) {
  out_ += "<polygon points=\"" + points_attribute(points) + "\" fill=\"" + escape_html(fill) +
          "\" fill-opacity=\"" + format_fixed(opacity, 2) + "\" stroke=\"none\"/>\n";
}

void Svg::polyline(const std::vector<std::pair<double, double>>& points, std::string_view stroke,
                   double width) {
  out_ += "<polyline points=\"" + points_attribute(points) + "\" fill=\"none\" stroke=\"" +
          escape_html(stroke) + "\" stroke-width=\"" + format_fixed(width, 1) + "\"/>\n";
}

std::string Svg::finish() {
  return out_ + "</svg>";
}

}  // namespace sisim::report
