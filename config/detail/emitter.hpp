#pragma once
// Internal to config/ (includes yaml-cpp; never include it outside config/): a thin helper over
// YAML::Emitter for writing the resolved document.
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <string>
#include <vector>

#include "config/detail/reader.hpp"

namespace sisim::config::detail {

struct Out {
  YAML::Emitter em;

  Out& key(const char* k) {
    em << YAML::Key << k << YAML::Value;
    return *this;
  }
  void number(double v) { em << num(v); }
  void integer(long long v) { em << std::to_string(v); }
  void numbers(const std::vector<double>& xs) {
    em << YAML::Flow << YAML::BeginSeq;
    for (double x : xs) number(x);
    em << YAML::EndSeq;
  }
  void truncation(const rng::Distribution& d) {
    if (std::isfinite(d.trunc_min)) key("min").number(d.trunc_min);
    if (std::isfinite(d.trunc_max)) key("max").number(d.trunc_max);
  }
  void distribution(const rng::Distribution& d);
  void param(const Param& p) {
    if (p.is_fixed())
      number(p.dist.value);
    else
      distribution(p.dist);
  }
  void kv(const char* k, const Param& p) { key(k).param(p); }
  void kv(const char* k, double v) { key(k).number(v); }
  void kv(const char* k, int v) { key(k).integer(v); }
  void kv(const char* k, const std::string& v) { key(k).em << v; }
  void kv(const char* k, bool v) { key(k).em << (v ? "true" : "false"); }
};

void emit_contract_and_finance(Out& o, const Config& c);
void emit_society_and_alternatives(Out& o, const Config& c);
void emit_correlations(Out& o, const Config& c);

}  // namespace sisim::config::detail
