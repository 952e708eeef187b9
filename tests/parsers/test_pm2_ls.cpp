// pm2-ls: the `pm2 ls` box table, with and without its outer frame, and pm2's CLI lines.

#include <catch2/catch.hpp>

#include "pm2_test_util.hpp"

using namespace logdx;
using namespace logdx::testing;

namespace {

// What the reader's generic frame stripping leaves of a row: "│ a │ b │" -> "a │ b".
std::string unframe(const std::string& text) {
  const std::string bar = "\u2502";
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(pos, nl - pos);
    if (line.rfind(bar, 0) == 0) {
      line = line.substr(bar.size());
      while (!line.empty() && line.back() == ' ') line.pop_back();
      if (line.size() >= bar.size() &&
          line.compare(line.size() - bar.size(), bar.size(), bar) == 0) {
        line.resize(line.size() - bar.size());
      }
      const auto first = line.find_first_not_of(' ');
      const auto last = line.find_last_not_of(' ');
      line = first == std::string::npos ? "" : line.substr(first, last - first + 1);
    }
    out += line + "\n";
    pos = nl + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("pm2-ls: one record per app row with its columns as fields", "[pm2]") {
  const std::string text = read_corpus_file("formats/pm2-ls.log");
  for (const auto& input : {text, unframe(text)}) {
    const auto r = run_parser("pm2-ls", input);
    CHECK(r.events.size() == 2);
    CHECK(r.no_match == 0);
    CHECK(r.skipped == 5);  // three borders, the header, host metrics
    const Event& gw = event_at_line(r, 4);
    CHECK(gw.app == "openclaw-gateway");
    CHECK(gw.source == SourceKind::pm2);
    CHECK(field_or(gw, "pm_id") == "0");
    CHECK(field_or(gw, "mode") == "fork");
    CHECK(field_or(gw, "restarts") == "15");
    CHECK(field_or(gw, "status") == "errored");
    CHECK(field_or(gw, "cpu") == "0%");
    CHECK(field_or(gw, "memory") == "0b");
    CHECK(event_at_line(r, 5).app == "worker");
    CHECK(field_or(event_at_line(r, 5), "restarts") == "2");
  }
  CHECK(unframe(text) != text);  // the unframed variant really differs
}

TEST_CASE("pm2-ls on real tables: waiting status, pid and memory, pm2 start CLI lines", "[pm2]") {
  const auto waiting = run_parser(
      "pm2-ls", read_corpus_file("real/12-pm2-errored-gateway-missing-config/pm2-ls-2.stdout.log"));
  REQUIRE(waiting.events.size() == 1);
  CHECK(field_or(waiting.events[0], "status") == "waiting \u2026");
  CHECK(field_or(waiting.events[0], "restarts") == "4");

  const auto online = run_parser(
      "pm2-ls",
      read_corpus_file("real/11-pm2-restart-loop-gateway-missing-config/pm2-ls.stdout.log"));
  REQUIRE(online.events.size() == 1);
  CHECK(field_or(online.events[0], "pid") == "16180");
  CHECK(field_or(online.events[0], "memory") == "77.0mb");
  CHECK(field_or(online.events[0], "restarts") == "37");

  // pm2 start prints its banner art (not ours), [PM2] lines and the table.
  const auto start = run_parser(
      "pm2-ls",
      read_corpus_file("real/11-pm2-restart-loop-gateway-missing-config/pm2-start.stdout.log"));
  CHECK(start.events.size() == 5);
  CHECK(start.no_match == 37);
  const Event& spawn = event_at_line(start, 38);
  CHECK(spawn.message == "Spawning PM2 daemon with pm2_home=/home/ocuser/.pm2");
  CHECK(spawn.source == SourceKind::pm2);
}

TEST_CASE("pm2-ls: a pasted row without header, the narrow layout, a cut border", "[pm2]") {
  const auto r = run_parser(
      "pm2-ls",
      "\u2502 0  \u2502 openclaw    \u2502 default     \u2502 N/A     \u2502 fork    \u2502 7012   "
      "  "
      "\u2502 15m    \u2502 0    \u2502 online    \u2502 0.3%     \u2502 412.6mb  \u2502 ocuser   "
      "\u2502 disabled \u2502\n"
      "\u2502 id \u2502 name \u2502 mode \u2502 \u21ba \u2502 status \u2502 cpu \u2502 memory "
      "\u2502\n"
      "\u2502 3  \u2502 api  \u2502 cluster \u2502 7 \u2502 stopped \u2502 0% \u2502 0b \u2502\n"
      "\u250c\u2500\u2500\u2500\u252c\xe2\x94\n"
      "[PM2][WARN] Applications openclaw not running, starting...\n");
  CHECK(r.events.size() == 3);
  CHECK(r.skipped == 2);
  CHECK(r.no_match == 0);
  CHECK(field_or(event_at_line(r, 1), "pid") == "7012");
  CHECK(field_or(event_at_line(r, 3), "mode") == "cluster");
  CHECK(field_or(event_at_line(r, 3), "restarts") == "7");
  CHECK(event_at_line(r, 5).level == Level::warning);
  // A row whose status is not pm2's is not a pm2 table.
  CHECK(run_parser("pm2-ls",
                   "\u2502 1 \u2502 a \u2502 b \u2502 c \u2502 hello \u2502 x \u2502 y \u2502\n")
            .no_match == 1);
}
