#include "analysis/line_occurrences.hpp"

namespace logdx::analysis {

void LineOccurrences::start_record(std::uint32_t input_index, std::uint64_t line) {
  current_added_ = false;
  untracked_ = line == 0;
  if (untracked_) return;
  if (started_ && input_index == input_ && line == line_) return;
  started_ = true;
  input_ = input_index;
  line_ = line;
  used_ = 0;
  hits_.clear();
}

bool LineOccurrences::seen(std::uint32_t rule, int role, int step, std::string_view message,
                           std::string_view key) const {
  if (untracked_ || message.empty()) return false;
  for (const LineHit& hit : hits_) {
    if (hit.rule == rule && hit.role == role && hit.step == step && hit.key == key &&
        messages_[hit.message].find(message) != std::string::npos) {
      return true;
    }
  }
  return false;
}

void LineOccurrences::add(std::uint32_t rule, int role, int step, std::string_view message,
                          std::string_view key) {
  if (untracked_) return;
  if (!current_added_) {
    if (used_ == messages_.size()) messages_.emplace_back();
    messages_[used_++].assign(message);
    current_added_ = true;
  }
  hits_.push_back({rule, role, step, used_ - 1, std::string(key)});
}

}  // namespace logdx::analysis
