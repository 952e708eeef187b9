// The whole reading phase on damaged pastes: hard-wrapped journal lines, records glued onto one
// line, Markdown glued to log lines. Each repair keeps the raw lines for evidence: a joined
// record holds every physical line it came from, split records share their one line.

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "logdx/parsers/event_reader.hpp"
#include "logdx/parsers/input_set.hpp"

using namespace logdx;

namespace {

std::vector<Event> read_text(const std::string& text) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("logdx-paste-damage-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / "paste.log";
  {
    std::ofstream out(path, std::ios::binary);
    out << text;
  }
  const ResolvedInputs resolved = resolve_inputs({path.string()});
  REQUIRE(resolved.inputs.size() == 1);
  std::vector<Event> events;
  std::vector<ReaderDiagnostic> diagnostics;
  const ParserRegistry registry = ParserRegistry::builtin();
  ReaderOptions options;
  options.year = 2026;
  EventReader(registry, options)
      .read(
          resolved.inputs[0], [&](Event&& e) { events.push_back(std::move(e)); }, diagnostics);
  std::filesystem::remove_all(dir);
  return events;
}

}  // namespace

// `journalctl --no-hostname` output pasted into an issue body that wrapped it at ~72 columns
// (systemd v245 wording from src/core/unit.c and service.c).
TEST_CASE("a hard-wrapped journal paste without host names reads as whole records", "[paste]") {
  const auto events = read_text(
      "Jun 30 13:25:13 systemd[1]: ananicy.service: Start request repeated too\n"
      "quickly.\n"
      "Jun 30 13:25:13 systemd[1]: ananicy.service: Failed with result\n"
      "'exit-code'.\n"
      "Jun 30 13:25:13 systemd[1]: Failed to start Ananicy - ANother Auto NICe\n"
      "daemon.\n");
  REQUIRE(events.size() == 3);
  CHECK(events[0].parser == "syslog-bsd");
  CHECK(events[0].unit == "ananicy.service");
  CHECK(events[0].message == "ananicy.service: Start request repeated too quickly.");
  CHECK(events[0].raw ==
        "Jun 30 13:25:13 systemd[1]: ananicy.service: Start request repeated too\nquickly.");
  CHECK(events[0].where.line == 1);
  CHECK(events[0].where.line_count == 2);
  CHECK(events[1].message == "ananicy.service: Failed with result 'exit-code'.");
  CHECK(events[2].message == "Failed to start Ananicy - ANother Auto NICe daemon.");
  CHECK(events[2].where.line == 5);
}

// nginx 1.10 (src/http/ngx_http_upstream.c) error line broken inside its quoted upstream.
TEST_CASE("an nginx error line broken inside a quoted field reads as one record", "[paste]") {
  const auto events = read_text(
      "2016/12/15 16:11:55 [error] 5#5: *1 connect() failed (111: Connection refused) while "
      "connecting to upstream, client: 76.98.113.158, server: , request: \"GET /?new HTTP/1.1\", "
      "upstream: \"\n"
      "http://127.0.0.1:3000/?new\", host: \"bot-tunnel.com\"\n");
  REQUIRE(events.size() == 1);
  CHECK(events[0].parser == "nginx-error");
  CHECK(events[0].message.find("upstream: \"http://127.0.0.1:3000/?new\", host:") !=
        std::string::npos);
  CHECK(events[0].where.line_count == 2);
}

// A Go program's logrus line (Traefik 2.10 under systemd, journal) whose issue body broke it
// before the space of "no such": the space went down with the rest of the quoted msg value.
TEST_CASE("a quoted field broken before a space continues on a line with one leading space",
          "[paste]") {
  const auto events = read_text(
      "Jul 17 07:44:45 edge traefik[811]: time=\"2023-07-17T07:44:45+03:00\" level=error "
      "msg=\"Provider connection error error during connect: dial tcp: lookup socket-proxy on "
      "127.0.0.11:53: no\n"
      " such host, retrying in 9.503388201s\" providerName=docker\n"
      "Jul 17 07:44:46 edge systemd[1]: Started Traefik.\n"
      "    Main PID: 811 (traefik)\n");
  REQUIRE(events.size() >= 2);
  CHECK(events[0].message.find("127.0.0.11:53: no such host, retrying") != std::string::npos);
  CHECK(events[0].where.line_count == 2);
  CHECK(events[1].message.find("Started Traefik.") != std::string::npos);
  // an indented line after a closed record is not glued into its text
  CHECK(events[1].message.find("Started Traefik. Main PID") == std::string::npos);
}

// systemd v219 lines whose line ends were lost in the paste.
TEST_CASE("records glued onto one line become separate events on that line", "[paste]") {
  const auto events = read_text(
      "Mar 06 02:30:04 c1 systemd[1]: r101.service holdoff time over, scheduling restart.Mar 06 "
      "02:30:04 c1 systemd[1]: start request repeated too quickly for r101.service\n"
      "Mar 06 02:30:04 c1 systemd[1]: Failed to start r101.\n");
  REQUIRE(events.size() == 3);
  CHECK(events[0].message == "r101.service holdoff time over, scheduling restart.");
  CHECK(events[1].message == "start request repeated too quickly for r101.service");
  CHECK(events[1].host == "c1");
  CHECK(events[0].where.line == 1);
  CHECK(events[1].where.line == 1);
  CHECK(events[1].raw == events[0].raw);  // evidence shows the line as it was pasted
  CHECK(events[2].where.line == 2);
}

// A bullet outside the fence is Markdown; inside it, it would be literal text.
TEST_CASE("fences and bullets glued to journal lines leave the journal records", "[paste]") {
  const auto events = read_text(
      "- mars 30 19:57:24 osmc systemd[1]: foo.service: Failed with result 'exit-code'.\n"
      "```mars 30 19:57:24 osmc systemd[1]: foo.service: Start request repeated too quickly.\n"
      "mars 30 19:57:24 osmc systemd[1]: Failed to start Foo.```\n");
  REQUIRE(events.size() == 3);
  for (const auto& e : events) {
    CHECK(e.parser == "syslog-bsd");
    CHECK(e.host == "osmc");
    CHECK(format_timestamp(e.time) == "2026-03-30T19:57:24");
  }
  CHECK(events[0].message == "foo.service: Failed with result 'exit-code'.");
  CHECK(events[1].message == "foo.service: Start request repeated too quickly.");
  CHECK(events[2].message == "Failed to start Foo.");
  CHECK(events[2].raw == "mars 30 19:57:24 osmc systemd[1]: Failed to start Foo.```");
}

// A sentence exactly as wide as a terminal (160 columns) that quotes an error: the quote is a
// record of its own (node 12-24 dns "getaddrinfo EAI_AGAIN host"), not the rest of a wrapped
// line, since a line is never wrapped onto itself. The next physical line still can be.
TEST_CASE("a quote out of a line as wide as a terminal stays a record of its own", "[paste]") {
  const std::string sentence =
      "Latest Maintainerr installed on Synology Docker. Does not want to start with network "
      "bridge. Keeps complaining about: \"Error: getaddrinfo EAI_AGAIN Maintainerr\"";
  REQUIRE(sentence.size() == 160);
  const auto events = read_text(sentence + "\n");
  REQUIRE(events.size() == 2);
  CHECK(events[1].message == "Error: getaddrinfo EAI_AGAIN Maintainerr");
  CHECK(events[1].where.line == 1);
  // a 160-column line cut mid-word by the terminal, the rest on the next line: one record
  const std::string wide(150, 'x');
  const auto wrapped = read_text("the gateway said " + wide.substr(0, 143) + "\nand more\n");
  REQUIRE(wrapped.size() == 1);
  CHECK(wrapped[0].where.line_count == 2);
}

// nginx's error line (ngx_http_log_error: `, upstream: "…", host: "…"`) broken inside its
// upstream's quotes by an issue body, in a fence, then the reporter's own bullet: the second
// physical line closes the quote the first opened, so the record is complete there and the
// bullet is a line of its own (its quoted banner a record too), not the rest of the nginx line.
TEST_CASE("a quote closed on a record's second line ends its wrap", "[paste]") {
  const auto events = read_text(
      "```\n"
      "2016/12/15 16:11:55 [error] 5#5: *1 connect() failed (111: Connection refused) while "
      "connecting to upstream, client: 76.98.113.158, server: , request: \"GET /?new HTTP/1.1\", "
      "upstream: \"\n"
      "http://127.0.0.1:3000/?new\", host: \"bot-tunnel.com\"\n"
      "```\n"
      "- the dashboard shows **\"disconnected (1008): pairing required\"** after that\n");
  REQUIRE(events.size() == 3);
  CHECK(events[0].where.line_count == 2);
  CHECK(events[2].message == "disconnected (1008): pairing required");
}
