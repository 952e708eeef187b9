#include "read_verdict.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "terminal_text.hpp"

namespace logdx::cli {
namespace {

std::string names_of(const std::vector<InputSummary>& inputs) {
  std::vector<std::string> names;
  for (const auto& in : inputs) {
    names.push_back(in.input == "-" || in.input == "<stdin>" ? "standard input" : in.input);
  }
  constexpr std::size_t kShown = 3;
  std::string text = fmt::format(
      "{}", fmt::join(names.begin(), names.begin() + std::min(kShown, names.size()), ", "));
  if (names.size() > kShown) text += fmt::format(" and {} more", names.size() - kShown);
  return terminal_safe(text);
}

std::string left_out_text(const std::vector<std::string>& left_out) {
  if (left_out.empty()) return {};
  return terminal_safe(fmt::format(" (left out: {})", fmt::join(left_out, "; ")));
}

std::string no_lines_message(const std::vector<InputSummary>& inputs) {
  if (inputs.size() == 1 && inputs[0].input.rfind("journal", 0) == 0) {
    return fmt::format("Nothing to analyse: the {} had no entries.",
                       terminal_safe(inputs[0].input));
  }
  if (inputs.size() == 1) return fmt::format("Nothing to analyse: {} was empty.", names_of(inputs));
  return fmt::format("Nothing to analyse: the {} inputs read ({}) were empty.", inputs.size(),
                     names_of(inputs));
}

}  // namespace

std::string_view to_string(EmptyRead kind) {
  switch (kind) {
    case EmptyRead::none:
      return "";
    case EmptyRead::no_input:
      return "no_input";
    case EmptyRead::no_lines:
      return "no_lines";
    case EmptyRead::outside_window:
      return "outside_window";
    case EmptyRead::plain_text_only:
      return "plain_text_only";
  }
  return "";
}

ReadVerdict read_verdict(const ReadFacts& facts) {
  std::uint64_t lines = 0;
  std::uint64_t events = 0;
  for (const auto& in : facts.inputs) {
    lines += in.lines;
    events += in.events;
  }
  if (facts.inputs.empty()) {
    return {EmptyRead::no_input,
            fmt::format("Nothing to analyse: no input could be read{}.",
                        facts.left_out.empty()
                            ? terminal_safe(
                                  fmt::format(" (no log file in {})", fmt::join(facts.given, ", ")))
                            : left_out_text(facts.left_out))};
  }
  if (lines == 0) {
    return {EmptyRead::no_lines, no_lines_message(facts.inputs) + left_out_text(facts.left_out)};
  }
  if (events > 0 && facts.outside_window >= events) {
    return {EmptyRead::outside_window,
            fmt::format("Nothing to analyse: all {} events read from {} are outside {}.", events,
                        names_of(facts.inputs), facts.window)};
  }
  if (facts.recognised_events == 0) {
    return {EmptyRead::plain_text_only,
            fmt::format("Nothing recognised: {} read from {} {} in no log format logdx "
                        "knows, and no rule matched {} as plain text (`logdx detect` shows the "
                        "formats tried; --parser forces one).",
                        lines == 1 ? std::string("the 1 line") : fmt::format("the {} lines", lines),
                        names_of(facts.inputs), lines == 1 ? "is" : "are",
                        lines == 1 ? "it" : "them")};
  }
  return {};
}

}  // namespace logdx::cli
