#pragma once
// `analyze -v`: how long each phase took (rules, prefilter database, reading, correlation,
// storing), printed on stderr as one line.

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace logdx::cli {

class PhaseTimer {
 public:
  // Ends the phase running since the last mark (or since construction) and names it.
  void mark(std::string name) {
    const auto now = std::chrono::steady_clock::now();
    phases_.emplace_back(std::move(name), std::chrono::duration<double>(now - last_).count());
    last_ = now;
  }
  double total() const {
    double sum = 0;
    for (const auto& phase : phases_) sum += phase.second;
    return sum;
  }
  std::string line() const {
    std::string out = "logdx: timings:";
    for (std::size_t i = 0; i < phases_.size(); ++i) {
      out += fmt::format("{} {} {:.3f} s", i == 0 ? "" : ",", phases_[i].first, phases_[i].second);
    }
    return out;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
  std::vector<std::pair<std::string, double>> phases_;
};

}  // namespace logdx::cli
