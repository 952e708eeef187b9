// Declared line formats (line_format.hpp): compile errors, what a match fills, and the cheap
// refusals (first byte, time of another format).
#include <catch2/catch.hpp>

#include "logdx/parsers/line_format.hpp"
#include "logdx/parsers/parser_registry.hpp"

using namespace logdx;

namespace {

LineFormatPtr compile_ok(LineFormatSpec spec) {
  auto compiled = LineFormat::compile(std::move(spec));
  REQUIRE(std::holds_alternative<LineFormatPtr>(compiled));
  return std::get<LineFormatPtr>(compiled);
}

LineFormatError compile_error(LineFormatSpec spec) {
  auto compiled = LineFormat::compile(std::move(spec));
  REQUIRE(std::holds_alternative<LineFormatError>(compiled));
  return std::get<LineFormatError>(compiled);
}

// foreman (lib/foreman/engine/cli.rb) prefixes "HH:MM:SS name | " to each process's lines.
LineFormatSpec procfile() {
  return {"procfile", R"((?P<time>\d\d:\d\d:\d\d) (?P<process>[\w.@-]+) *\| ?(?P<message>.*))",
          "time-only", std::nullopt, ""};
}

}  // namespace

TEST_CASE("line format compile errors name what is wrong", "[formats]") {
  using Kind = LineFormatError::Kind;
  CHECK(compile_error({"x", "(?P<message>.*", "", {}, ""}).kind == Kind::bad_regex);
  const auto group = compile_error({"x", "(?P<thread>\\w+) (?P<message>.*)", "", {}, ""});
  CHECK(group.kind == Kind::unknown_group);
  CHECK(group.detail == "thread");
  CHECK(compile_error({"x", "(?P<level>\\w+)", "", {}, ""}).kind == Kind::no_message_group);
  CHECK(compile_error({"x", "(?P<message>.*)", "%Y-%Q", {}, ""}).kind == Kind::bad_time_format);
  CHECK(compile_error({"x", "(?P<message>.*)", "hh:mm", {}, ""}).kind == Kind::bad_time_format);
}

TEST_CASE("a declared format fills the event from its groups", "[formats]") {
  const LineFormatPtr format = compile_ok(procfile());
  auto parser = format->make_parser(ParserOptions{});
  Event event;
  REQUIRE(parser->parse_line("16:16:18 web.1  | Error: listen EADDRINUSE :::5000", event,
                             nullptr) == LineVerdict::record);
  CHECK(event.process == "web.1");
  CHECK(event.message == "Error: listen EADDRINUSE :::5000");
  CHECK(event.time_text == "16:16:18");
  CHECK_FALSE(event.time.has_value());  // a time of day alone is on no clock
  CHECK(event.source == SourceKind::app);
}

TEST_CASE("a declared format infers the source behind its prefix", "[formats]") {
  // pm2 --no-daemon prints the daemon's own lines under the name "PM2" (pm2 5.x, captured
  // shape in a public issue); "App [x] ..." is the daemon's wording (lib/God/ActionMethods).
  const LineFormatPtr format = compile_ok(procfile());
  auto parser = format->make_parser(ParserOptions{});
  Event event;
  REQUIRE(parser->parse_line(
              "16:16:18 PM2        | App [server] with id [4] and pid [5878], exited with code "
              "[0] via signal [SIGINT]",
              event, nullptr) == LineVerdict::record);
  CHECK(event.source == SourceKind::pm2);
  Event tagged;
  REQUIRE(parser->parse_line("16:16:19 web.1 | systemd[1]: web.service: Failed.", tagged,
                             nullptr) == LineVerdict::record);
  CHECK(tagged.source == SourceKind::systemd);
  CHECK(tagged.message == "web.service: Failed.");
  CHECK(tagged.unit == "web.service");
}

TEST_CASE("a declared format refuses other shapes", "[formats]") {
  const LineFormatPtr format = compile_ok(procfile());
  auto parser = format->make_parser(ParserOptions{});
  Event event;
  CHECK(parser->parse_line("", event, nullptr) == LineVerdict::no_match);
  CHECK(parser->parse_line("Error: listen EADDRINUSE", event, nullptr) == LineVerdict::no_match);
  CHECK(parser->parse_line("99:99:99 web.1 | x", event, nullptr) == LineVerdict::no_match);
  // Anchored at the start: the shape in the middle of a line is not this format's line.
  CHECK(parser->parse_line("at 16:16:18 web.1 | x", event, nullptr) == LineVerdict::no_match);
}

TEST_CASE("a declared format's unless pattern turns its lines of another meaning away",
          "[formats]") {
  using Kind = LineFormatError::Kind;
  LineFormatSpec host_tag{"host-tag", R"(\[(?P<host>[\w.-]+\.[a-z]{2,})\] ?(?P<message>.*))", "",
                          std::nullopt, ""};
  host_tag.unless = R"(\[[^\]\s]+\] failed to get certificate)";
  const LineFormatPtr format = compile_ok(host_tag);
  auto parser = format->make_parser(ParserOptions{});
  Event event;
  REQUIRE(parser->parse_line("[app1.example.com] Error: listen EADDRINUSE :::80", event, nullptr) ==
          LineVerdict::record);
  CHECK(event.host == "app1.example.com");
  // Caddy 0.x's error about a site (caddytls/client.go): the name is a vhost, not a host.
  Event site;
  CHECK(parser->parse_line("[domain.com] failed to get certificate: The server could not "
                           "validate our request.",
                           site, nullptr) == LineVerdict::no_match);
  // Anchored at the start like the pattern: the wording later in a line does not refuse it.
  CHECK(parser->parse_line("[app1.example.com] deploy: [x.org] failed to get certificate", site,
                           nullptr) == LineVerdict::record);
  host_tag.unless = "(";
  const LineFormatError bad = compile_error(host_tag);
  CHECK(bad.kind == Kind::bad_unless);
}

TEST_CASE("declared time formats", "[formats]") {
  const LineFormatPtr strf = compile_ok(
      {"s", R"(\[(?P<time>[^\]]+)\] (?P<message>.*))", "%Y-%m-%d %H:%M:%S.%f%z", {}, ""});
  auto parser = strf->make_parser(ParserOptions{});
  Event event;
  REQUIRE(parser->parse_line("[2026-03-05 08:20:25.123+01:00] x", event, nullptr) ==
          LineVerdict::record);
  CHECK(event.time.kind == TimeKind::utc);
  CHECK(format_timestamp(event.time) == "2026-03-05T07:20:25.123Z");

  const LineFormatPtr syslog = compile_ok(
      {"y", R"((?P<time>\w{3} [ \d]\d \d\d:\d\d:\d\d) (?P<message>.*))", "syslog", {}, ""});
  Event s;
  REQUIRE(syslog->make_parser(ParserOptions{.default_year = 2025})
              ->parse_line("Mar  5 08:20:25 hello", s, nullptr) == LineVerdict::record);
  CHECK(s.time.year_inferred);
  CHECK(format_timestamp(s.time) == "2025-03-05T08:20:25");

  const LineFormatPtr epoch =
      compile_ok({"e", R"((?P<time>\d+\.\d+) (?P<message>.*))", "epoch", {}, ""});
  Event e;
  REQUIRE(epoch->make_parser(ParserOptions{})->parse_line("1772697600.5 hi", e, nullptr) ==
          LineVerdict::record);
  CHECK(e.time.kind == TimeKind::utc);
}

TEST_CASE("declared formats join a registry after the built-in ones", "[formats]") {
  ParserRegistry registry = ParserRegistry::builtin();
  const std::size_t before = registry.entries().size();
  add_line_formats(registry, {compile_ok(procfile())});
  REQUIRE(registry.entries().size() == before + 1);
  const auto* entry = registry.find("procfile");
  REQUIRE(entry != nullptr);
  CHECK(entry->info.peelable);
  // plain text stays the last resort
  CHECK(registry.entries().back().info.name == "plain");
}

TEST_CASE("a declared format reads log15's four-letter level words", "[formats]") {
  // log15 format.go (Lvl.String) writes dbug / info / warn / eror / crit; Grafana 8 logs so.
  const LineFormatPtr format = compile_ok(
      {"log15", R"re(t=(?P<time>\S+) lvl=(?P<level>[a-z]{3,5}) msg="(?P<message>[^"]*)".*)re",
       "iso8601", std::nullopt, ""});
  auto parser = format->make_parser(ParserOptions{});
  Event event;
  REQUIRE(
      parser->parse_line(
          R"(t=2021-06-21T10:02:11+0200 lvl=eror msg="Failed to look up user based on cookie" logger=context)",
          event, nullptr) == LineVerdict::record);
  CHECK(event.level == Level::error);
  CHECK(event.message == "Failed to look up user based on cookie");
  CHECK(event.time.has_value());
  Event debug;
  REQUIRE(parser->parse_line(
              R"(t=2021-06-21T10:02:12+0200 lvl=dbug msg="Request Completed" logger=context)",
              debug, nullptr) == LineVerdict::record);
  CHECK(debug.level == Level::debug);
}

TEST_CASE("a declared format reads zerolog's console level abbreviations", "[formats]") {
  // rs/zerolog console.go writes TRC DBG INF WRN ERR FTL PNC; Traefik v3 logs so by default.
  const LineFormatPtr format =
      compile_ok({"zerolog", R"re((?P<time>\S+) (?P<level>[A-Z]{3}) (?P<message>.*))re", "iso8601",
                  std::nullopt, ""});
  auto parser = format->make_parser(ParserOptions{});
  const std::pair<std::string_view, Level> cases[] = {
      {"2024-04-15T09:53:28Z TRC a", Level::trace},
      {"2024-04-15T09:53:28Z DBG a", Level::debug},
      {"2024-04-15T09:53:28Z INF a", Level::info},
      {"2024-04-15T09:53:28Z WRN a", Level::warning},
      {"2024-04-15T09:53:28Z ERR a", Level::error},
      {"2024-04-15T09:53:28Z FTL a", Level::critical},
      {"2024-04-15T09:53:28Z PNC a", Level::emergency},
  };
  for (const auto& [line, level] : cases) {
    INFO(line);
    Event event;
    REQUIRE(parser->parse_line(line, event, nullptr) == LineVerdict::record);
    CHECK(event.level == level);
  }
}
