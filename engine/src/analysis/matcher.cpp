#include "analysis/matcher.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "analysis/fingerprint.hpp"
#include "logdx/engine/condition_eval.hpp"

namespace logdx::analysis {
namespace {

// The names that make a subject the gateway (causes.md, "Whose failure counts"; the same words
// link_profile.cpp uses).
constexpr std::array<std::string_view, 4> kGatewayWords = {"openclaw", "clawdbot", "moltbot",
                                                           "gateway"};

bool contains_ascii_nocase(std::string_view text, std::string_view word) {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  return std::search(text.begin(), text.end(), word.begin(), word.end(),
                     [&](char a, char b) { return lower(a) == b; }) != text.end();
}

// A rule whose diagnosis stands only with a partner: how many of its lines are kept is
// bounded per value of its `on` captures (AnalyzerOptions::max_hits_per_join_value).
bool bounded_by_join(const CompiledRule& rule) {
  return rule.correlate && rule.correlate->kind == Correlate::Kind::join &&
         rule.correlate->required && !rule.correlate->on.empty();
}

// The event member of that name, as value_of() reads it from the kept event.
std::string member_value(const Event& event, const std::string& name) {
  if (name == "unit") return event.unit;
  if (name == "app") return event.app;
  if (name == "host") return event.host;
  if (name == "process") return event.process;
  if (name == "input") return event.where.input;
  if (name == "source") return std::string(to_string(event.source));
  if (name == "pid") return event.pid ? std::to_string(*event.pid) : std::string();
  return {};
}

// The value of each of `items`, joined by a separator.
template <typename Items, typename ValueOf>
std::string joined_values(const Items& items, ValueOf value_of_item) {
  std::string out;
  for (const auto& item : items) {
    out += value_of_item(item);
    out += '\x1f';
  }
  return out;
}

// The rule's own `on` values of a hit (the join's key on this side).
template <typename ValueOf>
std::string join_values(const CompiledRule& rule, ValueOf value_of_name) {
  return joined_values(rule.correlate->on, [&](const auto& on) { return value_of_name(on.first); });
}

bool about_gateway(const Event& event) {
  if (event.source == SourceKind::gateway) return true;
  return std::any_of(kGatewayWords.begin(), kGatewayWords.end(), [&](std::string_view word) {
    return contains_ascii_nocase(event.unit, word) || contains_ascii_nocase(event.app, word);
  });
}

}  // namespace

void Matcher::add(const Event& event, std::size_t input_index,
                  const std::vector<std::size_t>& candidates) {
  ++seen_;
  if (!names_gateway_) names_gateway_ = about_gateway(event);
  hosts_.add(event.host);
  timeline_.observe(event, input_index);
  if (candidates.empty()) return;
  const std::size_t hits_before = hits_.size();
  const auto event_index = static_cast<std::uint32_t>(events_.size());
  line_hits_.start_record(static_cast<std::uint32_t>(input_index), event.where.line);
  for (std::size_t rule : candidates) {
    match_rule(static_cast<std::uint32_t>(rule), event, event_index);
  }
  if (hits_.size() != hits_before) keep(event, input_index);
}

void Matcher::match_rule(std::uint32_t rule_index, const Event& event, std::uint32_t event_index) {
  const CompiledRule& rule = rules_.rules()[rule_index];
  const auto value_of = [&](const std::string& name) {
    const std::string* capture = find_capture(scratch_, name);
    return capture ? *capture : member_value(event, name);
  };
  auto record = [&](Hit::Role role, int step) {
    // The key tells the rule's findings apart: a quote with another port is another
    // occurrence, not the sentence's again (other captures may differ only because the
    // sentence runs on past the quote).
    const std::string key = joined_values(rule.key, value_of);
    if (line_hits_.seen(rule_index, static_cast<int>(role), step, event.message, key)) return;
    line_hits_.add(rule_index, static_cast<int>(role), step, event.message, key);
    if (kept_per_rule_[rule_index] >= max_hits_per_rule_) {
      ++over_cap_per_rule_[rule_index];  // counted, reported by the analyzer, not kept
      if (role == Hit::Role::match && PastCapTally::counts_lines(rule)) {
        past_cap_.add(rule_index, rule, scratch_, PastCapTally::group_values(rule, value_of),
                      event.host, event.time, event.time_text);
      }
      return;
    }
    if (role == Hit::Role::match && bounded_by_join(rule)) {
      if (!take_join_value(rule_index, join_values(rule, value_of))) return;
    }
    ++kept_per_rule_[rule_index];
    hits_.push_back(Hit{event_index, rule_index, role, step, share_captures(scratch_)});
  };
  scratch_.clear();
  if (rule_matches(rule, event, scratch_)) record(Hit::Role::match, -1);
  if (!rule.correlate) return;
  const CompiledCorrelate& correlate = *rule.correlate;
  // `sources` is a hint (it lowers confidence when no line came from a named source), never
  // a gate: a pasted line without its envelope is read as plain text and must still match.
  for (std::size_t i = 0; i < correlate.steps.size(); ++i) {
    scratch_.clear();
    if (evaluate_condition(correlate.steps[i], event, scratch_)) {
      record(Hit::Role::step, static_cast<int>(i));
    }
  }
  scratch_.clear();
  if (correlate.missing && evaluate_condition(*correlate.missing, event, scratch_)) {
    record(Hit::Role::missing, -1);
  }
}

std::shared_ptr<const Origin> Matcher::share_origin(const Event& event) {
  const auto same = [&](const Origin& o) {
    return o.unit == event.unit && o.app == event.app && o.host == event.host &&
           o.process == event.process;
  };
  for (const auto& recent : recent_origins_) {
    if (recent && same(*recent)) return recent;
  }
  auto shared =
      std::make_shared<const Origin>(Origin{event.unit, event.app, event.host, event.process});
  recent_origins_[next_origin_] = shared;
  next_origin_ = (next_origin_ + 1) % recent_origins_.size();
  return shared;
}

PackedCaptures Matcher::share_captures(const Captures& captures) {
  if (captures.empty()) return {};
  std::string packed = PackedCaptures::pack(captures);
  for (const auto& recent : recent_captures_) {
    if (recent && *recent == packed) return PackedCaptures(recent);
  }
  std::shared_ptr<const std::string> shared = PackedCaptures::share(std::move(packed));
  recent_captures_[next_recent_] = shared;
  next_recent_ = (next_recent_ + 1) % recent_captures_.size();
  return PackedCaptures(std::move(shared));
}

bool Matcher::take_join_value(std::uint32_t rule_index, const std::string& values) {
  std::size_t& kept = kept_per_join_value_[rule_index][values];
  if (kept >= max_hits_per_join_value_) {
    ++over_join_cap_per_rule_[rule_index];  // counted, reported by the analyzer, not kept
    return false;
  }
  ++kept;
  return true;
}

void Matcher::keep(const Event& event, std::size_t input_index) {
  MatchedEvent& kept = events_.emplace_back();
  kept.input_index = static_cast<std::uint32_t>(input_index);
  if (!input_name_ || *input_name_ != event.where.input) {
    input_name_ = std::make_shared<const std::string>(event.where.input);
  }
  kept.input_name = input_name_;
  kept.line = event.where.line;
  kept.arrival = seen_;
  kept.set_time_texts(*raw_, timeline_.place(event, input_index, kept), event.time_text);
  kept.set_time(event.time);  // after place(): the same as `effective` when it is the event's
  kept.set_text(*raw_, event.raw, event.message);
  if (!exits_) exits_ = std::make_unique<const ExitReader>();
  exits_->read(event.raw.empty() ? event.message : event.raw, kept.exits);
  kept.message_hash = fnv1a64(event.message);
  kept.pid = event.pid;
  kept.origin = share_origin(event);
  kept.source = event.source;
}

void Matcher::key_hosts() {
  if (!hosts_.many()) return;
  for (MatchedEvent& event : events_) event.key_host();
}

void Matcher::take_over(Matcher&& part) {
  kept_per_rule_ = std::move(part.kept_per_rule_);
  over_cap_per_rule_ = std::move(part.over_cap_per_rule_);
  past_cap_ = std::move(part.past_cap_);
  kept_per_join_value_ = std::move(part.kept_per_join_value_);
  over_join_cap_per_rule_ = std::move(part.over_join_cap_per_rule_);
  events_ = std::move(part.events_);
  hits_ = std::move(part.hits_);
  raw_ = std::move(part.raw_);
  timeline_ = std::move(part.timeline_);
  seen_ = part.seen_;
  names_gateway_ = part.names_gateway_;
  hosts_ = std::move(part.hosts_);
}

void Matcher::absorb(Matcher&& part) {
  // Into a Matcher that has seen nothing, the part's hits passed the same caps already: taken
  // whole, rather than copied one by one while the part's copy is still held.
  if (seen_ == 0) {
    take_over(std::move(part));
    return;
  }
  const std::uint64_t arrival_offset = seen_;
  seen_ += part.seen_;
  names_gateway_ = names_gateway_ || part.names_gateway_;
  hosts_.absorb(part.hosts_);
  timeline_.absorb(std::move(part.timeline_));
  const std::uint32_t block_offset = raw_->append(std::move(*part.raw_));
  // Each event and hit is taken from the front of the part's deques, which frees their blocks
  // as it goes: the part's copy and this one are never both whole.
  for (std::uint32_t e = 0; !part.events_.empty(); ++e, part.events_.pop_front()) {
    const auto event_index = static_cast<std::uint32_t>(events_.size());
    // Its text is in this Matcher's store now, with the part's blocks (read past the cap).
    part.events_.front().move_text(*raw_, block_offset);
    bool kept_any = false;
    for (; !part.hits_.empty() && part.hits_.front().event == e; part.hits_.pop_front()) {
      Hit& hit = part.hits_.front();
      const CompiledRule& rule = rules_.rules()[hit.rule];
      if (kept_per_rule_[hit.rule] >= max_hits_per_rule_) {
        ++over_cap_per_rule_[hit.rule];
        if (hit.role == Hit::Role::match && PastCapTally::counts_lines(rule)) {
          const MatchedEvent& event = part.events_.front();
          const auto value = [&](const std::string& name) { return value_of(hit, event, name); };
          past_cap_.add(hit.rule, rule, hit.captures.unpack(),
                        PastCapTally::group_values(rule, value), event.host(), event.time(),
                        event.time_text());
        }
        continue;
      }
      if (hit.role == Hit::Role::match && bounded_by_join(rule)) {
        const std::string values = join_values(rule, [&](const std::string& name) {
          return value_of(hit, part.events_.front(), name);
        });
        if (!take_join_value(hit.rule, values)) continue;
      }
      ++kept_per_rule_[hit.rule];
      hit.event = event_index;
      hits_.push_back(std::move(hit));
      kept_any = true;
    }
    if (!kept_any) continue;
    MatchedEvent& kept = events_.emplace_back(std::move(part.events_.front()));
    kept.arrival += arrival_offset;
  }
  past_cap_.absorb(std::move(part.past_cap_));
  for (std::size_t r = 0; r < over_cap_per_rule_.size(); ++r) {
    over_cap_per_rule_[r] += part.over_cap_per_rule_[r];
    over_join_cap_per_rule_[r] += part.over_join_cap_per_rule_[r];
  }
}

}  // namespace logdx::analysis
