// The optional sections of the text output: the merged timeline and the host checks.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "analysis_json.hpp"
#include "analysis_text.hpp"
#include "terminal_text.hpp"
#include "text_layout.hpp"
#include "text_palette.hpp"

namespace logdx::cli {
namespace {

// A long loop would bury the story: the start and the end are kept, the middle counted.
constexpr std::size_t kTimelineHead = 25;
constexpr std::size_t kTimelineTail = 15;

// Where a line is from, short: the file name when that names one input, else the whole path.
std::string short_input(const std::string& input, bool names_unique) {
  if (!names_unique) return input;
  return input.substr(input.rfind('/') + 1);
}

bool file_names_unique(const std::vector<TimelineEntry>& timeline) {
  std::map<std::string, std::string> seen;  // file name -> path
  for (const auto& e : timeline) {
    const auto [it, fresh] = seen.emplace(short_input(e.input, true), e.input);
    if (!fresh && it->second != e.input) return false;
  }
  return true;
}

std::string timeline_line(const TimelineEntry& e, std::size_t time_width, std::size_t where_width,
                          bool names_unique, const TextStyle& style, const Palette& p) {
  std::string time = report_time(e.time, e.time_text);
  if (time.empty()) time = "(no time)";
  const std::string where =
      fmt::format("{}:{}", terminal_safe(short_input(e.input, names_unique)), e.line);
  const std::string head = fmt::format("  {:<{}}  {:<{}}  ", time, time_width, where, where_width);
  // A lone start or exit names no cause: it is the story around the findings, not one.
  const std::string label = e.in_finding ? fmt::format("{}: ", e.cause) : "start/exit: ";
  std::string message = terminal_safe(e.message.substr(0, e.message.find('\n')));
  if (style.width > 0) {
    const std::size_t used = display_width(head) + display_width(label);
    message = cut(message, style.width > used + 20 ? style.width - used : 20);
  }
  return fmt::format("{}{}{}{}{}\n", head, p.for_severity(e.severity), label, p.reset, message);
}

}  // namespace

std::string timeline_text(const std::vector<TimelineEntry>& timeline, const TextStyle& style) {
  const Palette p(style.color);
  if (timeline.empty()) return "Timeline: no key events.\n";
  std::string out = fmt::format("{}Timeline{} ({} key event{}, all inputs in time order):\n",
                                p.bold, p.reset, timeline.size(), timeline.size() == 1 ? "" : "s");
  const bool names_unique = file_names_unique(timeline);
  std::size_t time_width = 0, where_width = 0;
  for (const auto& e : timeline) {
    time_width = std::max(time_width, report_time(e.time, e.time_text).size());
    where_width =
        std::max(where_width,
                 display_width(fmt::format("{}:{}", short_input(e.input, names_unique), e.line)));
  }
  const bool fold = timeline.size() > kTimelineHead + kTimelineTail + 1;
  for (std::size_t i = 0; i < timeline.size(); ++i) {
    if (fold && i == kTimelineHead) {
      out += fmt::format("  ... {} more key events (-o json has them all) ...\n",
                         timeline.size() - kTimelineHead - kTimelineTail);
      i = timeline.size() - kTimelineTail;
    }
    out += timeline_line(timeline[i], time_width, where_width, names_unique, style, p);
  }
  return out;
}

std::string host_text(const host::HostReport& host, const TextStyle& style) {
  const Palette p(style.color);
  std::string out = fmt::format("{}On this host{} (read-only checks, now):\n", p.bold, p.reset);
  for (const auto& check : host.checks) {
    const std::string& colour = check.status == host::CheckStatus::problem ? p.red
                                : check.status == host::CheckStatus::ok    ? p.green
                                                                           : p.dim;
    std::string bearing;
    if (check.bearing != host::Bearing::none) {
      bearing = fmt::format(" [{} {}]",
                            check.bearing == host::Bearing::confirms ? "confirms" : "rules out",
                            check.cause);
    }
    const std::string head = fmt::format("  {}: ", check.name);
    out += p.paint(colour, wrap(fmt::format("{}{}", terminal_safe(check.summary), bearing),
                                style.width, head, "      "));
    if (!check.facts.empty()) {
      std::string facts;
      for (const auto& [k, v] : check.facts)
        facts += fmt::format("{}{}={}", facts.empty() ? "" : ", ", k, v);
      out += wrap(terminal_safe(facts), style.width, "      facts: ", "        ");
    }
  }
  return out;
}

}  // namespace logdx::cli
