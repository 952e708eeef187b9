#include "analysis/matched_event.hpp"

#include <tuple>

#include "analysis/host_tally.hpp"

namespace logdx::analysis {

bool event_before(const MatchedEvent& a, const MatchedEvent& b) {
  return std::tie(a.clock, a.effective.nanos, a.input_index, a.line, a.arrival) <
         std::tie(b.clock, b.effective.nanos, b.input_index, b.line, b.arrival);
}

const std::string* find_capture(const Captures& captures, std::string_view name) {
  for (const auto& [key, value] : captures) {
    if (key == name) return &value;
  }
  return nullptr;
}

MatchedEvent::Apart& MatchedEvent::apart() {
  if (!apart_) apart_ = std::make_unique<Apart>();
  return *apart_;
}

std::string_view MatchedEvent::message_in(const std::string& raw) const {
  if (message_at_ != kOwn) return std::string_view(raw).substr(message_at_, message_size_);
  return apart_ ? std::string_view(apart_->message) : std::string_view();
}

std::string MatchedEvent::time_text() const {
  if (time_text_is_effective_) return effective_text();
  return apart_ ? apart_->time_text : std::string();
}

Timestamp MatchedEvent::time() const {
  if (time_is_effective_) return effective;
  return apart_ ? apart_->time : Timestamp{};
}

void MatchedEvent::set_time(const Timestamp& own) {
  time_is_effective_ = own == effective;
  if (!time_is_effective_ && own != Timestamp{}) apart().time = own;
}

std::string MatchedEvent::host_key() const {
  return keyed_host_ ? analysis::host_key(host()) : std::string();
}

void MatchedEvent::set_text(RawStore& store, const std::string& raw_text,
                            const std::string& message_text) {
  const std::string& raw = raw_text.empty() ? message_text : raw_text;
  store_ = &store;
  raw_ = store.add(raw);
  const std::size_t at = raw.find(message_text);
  if (at != std::string::npos && at < kOwn && message_text.size() < kOwn) {
    message_at_ = static_cast<std::uint32_t>(at);
    message_size_ = static_cast<std::uint32_t>(message_text.size());
    if (apart_) apart_->message.clear();
  } else {
    message_at_ = kOwn;
    apart().message = message_text;
  }
}

void MatchedEvent::move_text(const RawStore& store, std::uint32_t block_offset) {
  store_ = &store;
  raw_.block += block_offset;
  effective_text_.block += block_offset;
}

void MatchedEvent::set_time_texts(RawStore& store, const std::string& effective_text,
                                  const std::string& text) {
  store_ = &store;
  effective_text_ = store.add(effective_text);
  time_text_is_effective_ = text == effective_text;
  if (!time_text_is_effective_) {
    apart().time_text = text;
  } else if (apart_) {
    apart_->time_text.clear();
  }
}

std::string value_of(const Hit& hit, const MatchedEvent& event, const std::string& name) {
  if (std::string_view value; hit.captures.find(name, value)) return std::string(value);
  if (name == "unit") return event.unit();
  if (name == "app") return event.app();
  if (name == "host") return event.host();
  if (name == "process") return event.process();
  if (name == "input") return event.input();
  if (name == "source") return std::string(to_string(event.source));
  if (name == "pid") return event.pid ? std::to_string(*event.pid) : std::string();
  return {};
}

}  // namespace logdx::analysis
