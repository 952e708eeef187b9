#include "formats/regex_line_parser.hpp"

#include <charconv>

#include "kernel/fault_report.hpp"
#include "logdx/parsers/source_classifier.hpp"

namespace logdx {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

RegexLineParser::RegexLineParser(LineFormatPtr format, const ParserOptions& options)
    : format_(std::move(format)), default_year_(options.default_year), inference_(options) {}

const LineFormat::Compiled& RegexLineParser::compiled() {
  if (compiled_ == nullptr) {
    compiled_ = &format_->compiled();
    groups_.resize(static_cast<std::size_t>(compiled_->captures));
  }
  return *compiled_;
}

std::string_view RegexLineParser::group(Field field) const {
  const int index = compiled_->index(field);
  if (index < 0) return {};
  const re2::StringPiece& piece = groups_[static_cast<std::size_t>(index)];
  return piece.data() == nullptr ? std::string_view()
                                 : std::string_view(piece.data(), piece.size());
}

LineVerdict RegexLineParser::parse_line(std::string_view line, Event& event, Event*) {
  if (!may_start(line)) return LineVerdict::no_match;
  const LineFormat::Compiled& pattern = compiled();
  const re2::StringPiece text(line.data(), line.size());
  // Asked without groups first: RE2 answers that with its DFA, while a match with groups on a
  // short line goes straight to the backtracking BitState. Most lines offered here (prose after
  // a prefix boundary, other formats' lines) do not match, and their refusal was most of the
  // cost of a format whose pattern opens with a digit (zerolog's time) on plain text.
  if (!pattern.re || !pattern.re->Match(text, 0, line.size(), RE2::ANCHOR_START, nullptr, 0) ||
      !pattern.re->Match(text, 0, line.size(), RE2::ANCHOR_START, groups_.data(),
                         pattern.captures)) {
    return LineVerdict::no_match;
  }
  // The format's `unless`: a line of the same shape that another program writes with another
  // meaning (Caddy 0.x's "[site] failed to get certificate" is no deploy tool's "[host] ").
  if (pattern.unless &&
      pattern.unless->Match(text, 0, line.size(), RE2::ANCHOR_START, nullptr, 0)) {
    return LineVerdict::no_match;
  }
  const int message_index = pattern.index(Field::message);
  if (groups_[static_cast<std::size_t>(message_index)].data() == nullptr) {
    return LineVerdict::no_match;
  }
  // A format's "name[pid]: " (the pack's syslog-tag) in front of the kernel's fault report is the
  // task the kernel reports on, not the line's writer: the line is not the format's.
  if (const std::string_view process = group(Field::process);
      !process.empty() && !group(Field::pid).empty() &&
      kernel::is_fault_report(
          line.substr(static_cast<std::size_t>(process.data() - line.data())))) {
    return LineVerdict::no_match;
  }
  const std::string_view time = trim(group(Field::time));
  if (!time.empty()) {
    // A stamp that is not of the declared format means the pattern matched a line of another
    // shape: not this format's line.
    if (!pattern.time.read(time, default_year_, event.time)) return LineVerdict::no_match;
    event.time_text.assign(time);
  }
  event.host.assign(trim(group(Field::host)));
  event.unit.assign(trim(group(Field::unit)));
  event.app.assign(trim(group(Field::app)));
  event.process.assign(trim(group(Field::process)));
  const std::string_view pid = trim(group(Field::pid));
  std::int64_t pid_value = 0;
  if (!pid.empty() &&
      std::from_chars(pid.data(), pid.data() + pid.size(), pid_value).ec == std::errc()) {
    event.pid = pid_value;
  }
  const std::string_view level = trim(group(Field::level));
  if (!level.empty()) event.level = level_from_string(level);
  event.message.assign(group(Field::message));
  const std::string_view owner = event.unit.empty() ? event.app : event.unit;
  if (format_->spec().source) {
    event.source = *format_->spec().source;
  } else {
    event.source = classify_source(event.process, owner, SourceKind::other);
    inference_.infer(event);  // "systemd[1]: ...", "App [x:0] ..." behind the prefix
  }
  return LineVerdict::record;
}

}  // namespace logdx
