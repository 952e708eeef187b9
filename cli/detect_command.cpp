// `logdx detect`: which envelope parser each input gets, every parser's score, and why the
// winner won (the format-detection phase alone).

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <memory>

#include "commands.hpp"
#include "format_registry.hpp"
#include "input_options.hpp"
#include "json_writer.hpp"
#include "output_options.hpp"
#include "terminal_text.hpp"

namespace logdx::cli {
namespace {

constexpr std::size_t kScoresShown = 5;

void print_text(const InputSummary& s) {
  fmt::print("{}: {}\n", terminal_safe(s.input), s.parser.empty() ? "-" : s.parser);
  if (s.skipped || s.parser.empty()) return;
  if (s.detection.scores.empty() && s.detection.sampled_lines == 0) {
    fmt::print("  forced with --parser\n");
    return;
  }
  fmt::print("  {:<24} {:>7} {:>8} {:>6} {:>11}\n", "parser", "claimed", "records", "share",
             "specificity");
  std::size_t shown = 0;
  for (const auto& score : s.detection.scores) {
    if (shown++ == kScoresShown) break;
    fmt::print("  {:<24} {:>7} {:>8} {:>5.0f}% {:>11}\n", score.parser, score.claimed(),
               score.records, score.share() * 100, score.specificity);
  }
  if (s.detection.scores.size() > kScoresShown) {
    fmt::print("  ({} more parsers claimed a line)\n", s.detection.scores.size() - kScoresShown);
  }
  fmt::print("  why: {}\n", s.detection.reason);
}

void append_json(std::string& out, const InputSummary& s) {
  JsonWriter w(out);
  w.begin_object();
  w.key("input").value(s.input);
  w.key("parser").value(s.parser);
  w.key("sampled_lines").value(static_cast<std::uint64_t>(s.detection.sampled_lines));
  w.key("reason").value(s.detection.reason);
  w.key("scores").begin_array();
  for (const auto& score : s.detection.scores) {
    w.begin_object();
    w.key("parser").value(score.parser);
    w.key("claimed").value(static_cast<std::uint64_t>(score.claimed()));
    w.key("records").value(static_cast<std::uint64_t>(score.records));
    w.key("sampled").value(static_cast<std::uint64_t>(score.sampled));
    w.key("specificity").value(score.specificity);
    w.end_object();
  }
  w.end_array();
  w.key("lines").value(s.lines);
  w.key("events").value(s.events);
  w.end_object();
}

}  // namespace

CommandRunner add_detect_command(CLI::App& app) {
  auto options = std::make_shared<InputOptions>();
  auto format = std::make_shared<std::string>("text");
  CLI::App* command =
      app.add_subcommand("detect", "show which envelope parser each input gets, and why");
  options->add_to(*command);
  add_text_or_json_option(*command, *format);
  command->footer(
      "Examples:\n  logdx detect /var/log/syslog ~/.pm2/pm2.log\n  logdx detect -o json logs/");
  return [command, options, format]() {
    if (!command->parsed()) return -1;
    const auto registry = registry_with_default_formats();
    const ReadOutcome outcome = read_inputs(*options, registry, [](Event&&, std::size_t) {});
    if (*format == "json") {
      for (const auto& s : outcome.summaries) {
        std::string line;
        append_json(line, s);
        fmt::print("{}\n", line);
      }
    } else {
      for (const auto& s : outcome.summaries) print_text(s);
    }
    return outcome.had_error ? 2 : 0;
  };
}

}  // namespace logdx::cli
