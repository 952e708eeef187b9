#include "logdx/parsers/format_detector.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace logdx {
namespace {

constexpr std::string_view kFallbackParser = "plain";

bool better(const ParserScore& a, const ParserScore& b) {
  if (a.claimed() != b.claimed()) return a.claimed() > b.claimed();
  if (a.specificity != b.specificity) return a.specificity > b.specificity;
  if (a.records != b.records) return a.records > b.records;
  return a.parser < b.parser;
}

std::string explain(const Detection& d) {
  if (d.scores.empty() || d.sampled_lines == 0) {
    return "no lines to sample: plain text";
  }
  const ParserScore& best = d.scores.front();
  if (d.winner == kFallbackParser) {
    return fmt::format("no format claimed at least {:.0f}% of the {} sampled lines (best: {} with "
                       "{}/{}), so the input is read as plain text",
                       FormatDetector::kMinShare * 100, d.sampled_lines, best.parser,
                       best.claimed(), best.sampled);
  }
  std::string why = fmt::format("{} claimed {}/{} sampled lines ({:.0f}%, {} records)",
                                best.parser, best.claimed(), best.sampled, best.share() * 100,
                                best.records);
  if (d.scores.size() > 1) {
    const ParserScore& next = d.scores[1];
    if (next.claimed() == best.claimed()) {
      why += fmt::format("; {} claimed as many but is less specific ({} < {})", next.parser,
                         next.specificity, best.specificity);
    } else {
      why += fmt::format("; next best {} claimed {}/{}", next.parser, next.claimed(), next.sampled);
    }
  }
  if (best.claimed() < best.sampled) {
    const std::size_t rest = best.sampled - best.claimed();
    why += rest == 1 ? std::string("; the other line is parsed by the best parser that fits it")
                     : fmt::format("; the other {} lines are parsed line by line by the best "
                                   "parser that fits each",
                                   rest);
  }
  return why;
}

}  // namespace

ParserScore FormatDetector::score(const ParserRegistry::Entry& entry,
                                  std::span<const std::string> lines,
                                  const ParserOptions& options) const {
  ParserScore s;
  s.parser = entry.info.name;
  s.specificity = entry.info.specificity;
  s.sampled = lines.size();
  auto parser = entry.factory(options);
  Event open;
  bool has_open = false;
  for (const std::string& line : lines) {
    Event fresh;
    switch (parser->parse_line(line, fresh, has_open ? &open : nullptr)) {
      case LineVerdict::record:
        ++s.records;
        open = std::move(fresh);
        has_open = true;
        break;
      case LineVerdict::continuation: ++s.continuations; break;
      case LineVerdict::skip: ++s.skipped; break;
      case LineVerdict::no_match: break;
    }
  }
  return s;
}

Detection FormatDetector::detect(std::span<const std::string> lines,
                                 const ParserOptions& options) const {
  Detection d;
  d.sampled_lines = lines.size();
  for (const auto& entry : registry_.entries()) {
    if (entry.info.name == kFallbackParser) continue;
    ParserScore s = score(entry, lines, options);
    if (s.records > 0) d.scores.push_back(s);
  }
  std::sort(d.scores.begin(), d.scores.end(), better);
  const bool trusted = !d.scores.empty() && d.scores.front().share() >= kMinShare;
  d.winner = trusted ? d.scores.front().parser : kFallbackParser;
  d.reason = explain(d);
  return d;
}

}  // namespace logdx
