#include "input_parse.hpp"

#include <algorithm>

namespace logdx {

InputParse::InputParse(const ParserRegistry& registry, const ParserOptions& options,
                       std::string_view winner, std::string input_name, RecordJoiner::Sink sink,
                       InputSummary& summary, YearInference years)
    : input_name_(std::move(input_name)),
      summary_(summary),
      peeler_(registry, options),
      prefix_peeler_(registry, options),
      inference_(options),
      joiner_(std::move(sink)),
      years_(years) {
  // Plain text is the fallback, not a format: with no winner every line tries every parser,
  // which is what a paste that mixes formats needs.
  if (winner != "plain") winner_ = registry.create(winner, options);
  plain_ = registry.create("plain", options);
  for (const auto& entry : registry.entries()) {
    if (entry.info.name == winner || entry.info.name == "plain") continue;
    fallbacks_.push_back(entry.factory(options));
  }
  fallback_starts_ = StartTable(fallbacks_);
  fallback_offered_.assign(fallbacks_.size(), 0);
}

Event& InputParse::attempt() {
  scratch_.clear();
  return scratch_;
}

void InputParse::keep(std::string_view raw, std::uint64_t number, std::uint64_t offset,
                      EnvelopeParser* parser, bool fallback_plain) {
  scratch_.where.input = input_name_;
  scratch_.where.line = number;
  scratch_.where.byte_offset = offset;
  scratch_.raw.assign(raw);
  open_record(std::move(scratch_), parser, fallback_plain);
}

void InputParse::open_record(Event&& event, EnvelopeParser* parser, bool fallback_plain) {
  close_record();
  event.parser.assign(parser->info().name);
  // Move-assigned: open_ hands its buffers (the joiner's last record's) to `event`, the
  // scratch event, so parsing the next line allocates nothing.
  open_ = std::move(event);
  has_open_ = true;
  open_parser_ = parser;
  open_is_plain_ = fallback_plain;
}

void InputParse::close_record() {
  if (!has_open_) return;
  peeler_.peel(open_);
  years_.settle(open_.time);  // after peeling: the innermost stamp is the record's
  has_open_ = false;
  open_parser_ = nullptr;
  joiner_.push(std::move(open_), open_is_plain_);
}

EnvelopeParser* InputParse::try_fallbacks(std::string_view text, LineVerdict& verdict) {
  // A parser never offered a line is in its reset state, where its start bytes say whether its
  // gate may pass this line: on plain text most parsers are never offered one, and the first
  // byte rules them out without a call. One that was offered a line is asked, as it may be
  // inside a record of its own. Both lists ascend, so merging them keeps the parsers' order
  // and walks only the few parsers either names.
  const StartTable::Candidates admitted = fallback_starts_.candidates(text);
  auto at_rest = admitted.begin();
  auto offered = offered_fallbacks_.begin();
  EnvelopeParser* claimed = nullptr;
  while (claimed == nullptr && (at_rest != admitted.end() || offered != offered_fallbacks_.end())) {
    std::uint16_t i = 0;
    if (offered == offered_fallbacks_.end() || (at_rest != admitted.end() && *at_rest < *offered)) {
      i = *at_rest++;
    } else {
      if (at_rest != admitted.end() && *at_rest == *offered) ++at_rest;
      i = *offered++;
    }
    EnvelopeParser& parser = *fallbacks_[i];
    if (!parser.may_start(text)) continue;
    if (fallback_offered_[i] == 0) {
      fallback_offered_[i] = 1;
      newly_offered_.push_back(i);  // joins offered_fallbacks_ after the walk
    }
    verdict = parser.parse_line(text, attempt(), nullptr);
    if (verdict == LineVerdict::record || verdict == LineVerdict::skip) claimed = &parser;
  }
  for (const std::uint16_t i : newly_offered_) {
    offered_fallbacks_.insert(
        std::lower_bound(offered_fallbacks_.begin(), offered_fallbacks_.end(), i), i);
  }
  newly_offered_.clear();
  if (claimed == nullptr) verdict = LineVerdict::no_match;
  return claimed;
}

void InputParse::line(std::string_view text, std::string_view raw, std::uint64_t number,
                      std::uint64_t offset) {
  // The winner first (it may extend its open record), then the parser of the open record
  // (a systemctl status block inside a journal paste), then every other parser, then text.
  EnvelopeParser* parser = winner_.get();
  LineVerdict v = LineVerdict::no_match;
  if (winner_) {
    Event* open = has_open_ && open_parser_ == winner_.get() ? &open_ : nullptr;
    v = winner_->parse_line(text, attempt(), open);
  }
  if (v == LineVerdict::no_match && has_open_ && open_parser_ != winner_.get() && !open_is_plain_) {
    parser = open_parser_;
    v = open_parser_->parse_line(text, attempt(), &open_);
  }
  if (v == LineVerdict::continuation && has_open_) {
    open_.raw.append("\n").append(raw);
    ++open_.where.line_count;
    return;
  }
  if (v == LineVerdict::continuation || v == LineVerdict::no_match) {
    // (a continuation with nothing open is not the parser's line either)
    parser = text.empty() ? nullptr : try_fallbacks(text, v);
    if (parser != nullptr && v == LineVerdict::record) ++summary_.fallback_lines;
  }
  if (v == LineVerdict::skip) return;
  if (v == LineVerdict::record) {
    keep(raw, number, offset, parser, false);
    return;
  }
  keep_unclaimed(text, raw, number, offset);
}

void InputParse::keep_unclaimed(std::string_view text, std::string_view raw, std::uint64_t number,
                                std::uint64_t offset) {
  ++summary_.fallback_lines;
  if (const EnvelopeParser* inner = prefix_peeler_.peel(text, attempt())) {
    // Still a fallback line for the joiner (no envelope of this input's format), and the inner
    // parser's instance belongs to the prefix peeler, so it is offered no continuation lines.
    scratch_.envelopes.push_back("prefix");
    scratch_.envelopes.emplace_back(inner->info().name);
    keep(raw, number, offset, plain_.get(), true);
    open_.parser.assign(inner->info().name);
    return;
  }
  plain_->parse_line(text, attempt(), nullptr);
  inference_.infer(scratch_);
  keep(raw, number, offset, plain_.get(), true);
}

void InputParse::finish() {
  close_record();
  joiner_.flush();
}

}  // namespace logdx
