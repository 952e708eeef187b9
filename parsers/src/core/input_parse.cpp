#include "input_parse.hpp"

namespace logdx {

InputParse::InputParse(const ParserRegistry& registry, const ParserOptions& options,
                       std::string_view winner, std::string input_name,
                       RecordJoiner::Sink sink, InputSummary& summary, unsigned reference_month)
    : input_name_(std::move(input_name)),
      summary_(summary),
      peeler_(registry, options),
      joiner_(std::move(sink)),
      reference_month_(reference_month) {
  // Plain text is the fallback, not a format: with no winner every line tries every parser,
  // which is what a paste that mixes formats needs.
  if (winner != "plain") winner_ = registry.create(winner, options);
  plain_ = registry.create("plain", options);
  for (const auto& entry : registry.entries()) {
    if (entry.info.name == winner || entry.info.name == "plain") continue;
    fallbacks_.push_back(entry.factory(options));
  }
}

Event InputParse::fresh_event(std::string_view raw, std::uint64_t number,
                              std::uint64_t offset) const {
  Event e;
  e.where.input = input_name_;
  e.where.line = number;
  e.where.byte_offset = offset;
  e.raw.assign(raw);
  return e;
}

void InputParse::open_record(Event&& event, EnvelopeParser* parser, bool fallback_plain) {
  close_record();
  event.parser = std::string(parser->info().name);
  open_ = std::move(event);
  open_parser_ = parser;
  open_is_plain_ = fallback_plain;
}

void InputParse::close_record() {
  if (!open_) return;
  if (reference_month_ != 0 && open_->time.year_inferred &&
      month_of(open_->time) > reference_month_ + 1) {
    open_->time = shift_years(open_->time, -1);  // a syslog file that spans New Year
  }
  peeler_.peel(*open_);
  joiner_.push(std::move(*open_), open_is_plain_);
  open_.reset();
  open_parser_ = nullptr;
}

bool InputParse::try_fallbacks(std::string_view text, Event& fresh) {
  for (auto& parser : fallbacks_) {
    Event candidate = fresh;
    const LineVerdict v = parser->parse_line(text, candidate, nullptr);
    if (v == LineVerdict::record) {
      ++summary_.fallback_lines;
      open_record(std::move(candidate), parser.get(), false);
      return true;
    }
    if (v == LineVerdict::skip) return true;
  }
  return false;
}

void InputParse::line(std::string_view text, std::string_view raw, std::uint64_t number,
                      std::uint64_t offset) {
  Event fresh = fresh_event(raw, number, offset);
  LineVerdict v = LineVerdict::no_match;
  if (winner_) {
    Event* open = open_ && open_parser_ == winner_.get() ? &*open_ : nullptr;
    v = winner_->parse_line(text, fresh, open);
  }
  if (v == LineVerdict::no_match && open_ && open_parser_ != winner_.get() && !open_is_plain_) {
    fresh = fresh_event(raw, number, offset);
    v = open_parser_->parse_line(text, fresh, &*open_);
    if (v == LineVerdict::record) {
      open_record(std::move(fresh), open_parser_, false);
      return;
    }
  }
  switch (v) {
    case LineVerdict::record: open_record(std::move(fresh), winner_.get(), false); return;
    case LineVerdict::continuation:
      if (!open_) break;  // a parser that claims a continuation with nothing open: not its line
      open_->raw.append("\n").append(raw);
      ++open_->where.line_count;
      return;
    case LineVerdict::skip: return;
    case LineVerdict::no_match: break;
  }
  fresh = fresh_event(raw, number, offset);
  if (!text.empty() && try_fallbacks(text, fresh)) return;
  fresh = fresh_event(raw, number, offset);
  plain_->parse_line(text, fresh, nullptr);
  ++summary_.fallback_lines;
  open_record(std::move(fresh), plain_.get(), true);
}

void InputParse::finish() {
  close_record();
  joiner_.flush();
}

}  // namespace logdx
