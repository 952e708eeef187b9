// Pins PasteCleaner: what pasting adds around log lines (CR, ANSI, Markdown, box frames,
// shell prompts) is removed, everything else comes back untouched and uncopied, and odd
// bytes (invalid UTF-8, truncated escapes, huge lines) are kept and never crash it.

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "logdx/parsers/paste_cleaner.hpp"
#include "parser_harness.hpp"

using logdx::PasteCleaner;
using logdx::testing::read_corpus_file;
using Kind = PasteCleaner::Kind;

namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t offset = 0;
  while (offset < text.size()) {
    const std::size_t nl = text.find('\n', offset);
    const std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    lines.push_back(text.substr(offset, end - offset));
    offset = end + 1;
  }
  return lines;
}

struct Cleaned {
  Kind kind;
  std::string text;
  bool changed;
};

// Runs a fresh cleaner over the lines, copying each result (views die on the next call).
std::vector<Cleaned> clean_all(std::string_view text) {
  PasteCleaner cleaner;
  std::vector<Cleaned> out;
  for (std::string_view line : lines_of(text)) {
    const auto r = cleaner.clean(line);
    out.push_back({r.kind, std::string(r.text), r.changed});
  }
  return out;
}

std::vector<std::string> texts_of(const std::vector<Cleaned>& cleaned) {
  std::vector<std::string> texts;
  for (const auto& c : cleaned) {
    if (c.kind == Kind::text) texts.push_back(c.text);
  }
  return texts;
}

bool contains(const std::vector<std::string>& texts, std::string_view wanted) {
  for (const auto& t : texts) {
    if (t == wanted) return true;
  }
  return false;
}

// The double-quoted YAML scalars of expected.yaml use \uXXXX, \" and \\ only.
std::string unescape_yaml(std::string_view quoted) {
  std::string out;
  for (std::size_t i = 0; i < quoted.size(); ++i) {
    if (quoted[i] != '\\' || i + 1 >= quoted.size()) {
      out += quoted[i];
    } else if (quoted[i + 1] == 'u' && i + 5 < quoted.size()) {
      out += static_cast<char>(std::stoi(std::string(quoted.substr(i + 2, 4)), nullptr, 16));
      i += 5;
    } else {
      out += quoted[++i];
    }
  }
  return out;
}

// The items of a top-level YAML list "key:\n  - \"...\"".
std::vector<std::string> yaml_list(std::string_view yaml, std::string_view key) {
  std::vector<std::string> items;
  bool in_list = false;
  for (std::string_view line : lines_of(yaml)) {
    if (!line.empty() && line.front() != ' ') in_list = line == std::string(key) + ":";
    if (in_list && line.substr(0, 5) == "  - \"" && line.back() == '"') {
      items.push_back(unescape_yaml(line.substr(5, line.size() - 6)));
    }
  }
  return items;
}

}  // namespace

TEST_CASE("lines with nothing to clean come back as the same bytes, uncopied", "[paste]") {
  PasteCleaner cleaner;
  for (std::string_view line :
       {"2026-11-25T04:42:36.549+00:00 [gateway] listening on ws://127.0.0.1:18789",
        "{\"level\":\"info\",\"ts\":1795583993.801686,\"msg\":\"using provided configuration\"}",
        "0|worker | TypeError: Cannot read properties of undefined (reading 'token')",
        "    at Timeout._onTimeout (/home/fmtuser/app/crash.js:2:26)",
        "Nov  8 18:53:27 homeserver openclaw[2044]: started", "PM2      | App [worker:0] online",
        "host metrics | cpu: 0% | ram usage: 1.8% | disk: ⇓ 0mb/s ⇑ 0mb/s",
        "openclaw-gateway-1  | 2026-09-21T14:00:03.211+00:00 [gateway] loading configuration…",
        "# this is a comment, not a prompt", "[PM2] Done.", "**********************",
        "user@example.com: mail delivered", "> openclaw@2026.9.6 start", ""}) {
    const auto r = cleaner.clean(line);
    INFO(line);
    if (!line.empty() && line.front() == '>') {  // quote markers are removed, but without a copy
      CHECK(r.text == "openclaw@2026.9.6 start");
      CHECK(r.text.data() == line.data() + 2);
      continue;
    }
    CHECK(r.kind == Kind::text);
    CHECK_FALSE(r.changed);
    CHECK(r.text.data() == line.data());
    CHECK(r.text.size() == line.size());
  }
}

TEST_CASE("a trailing CR is dropped without copying; a CR inside keeps what was shown last",
          "[paste]") {
  PasteCleaner cleaner;
  const std::string_view crlf = "2026-10-30T21:14:11.551+00:00 [gateway] ready\r";
  auto r = cleaner.clean(crlf);
  CHECK(r.text == "2026-10-30T21:14:11.551+00:00 [gateway] ready");
  CHECK(r.text.data() == crlf.data());
  CHECK(r.changed);

  CHECK(cleaner.clean("\r").text.empty());
  CHECK(cleaner.clean("downloading 10%\rdownloading 55%\rdone   ").text == "done   ");
  // The spinner line "ESC[2K" after the CR shows nothing: the text before it is what stayed.
  CHECK(cleaner.clean("installed 14 plugins\r\x1b[2K").text == "installed 14 plugins");
}

TEST_CASE("strip_ansi removes CSI, OSC, charset and two-byte escapes and nothing else", "[paste]") {
  CHECK(PasteCleaner::strip_ansi("\x1b[1;33mWARN\x1b[0m") == "WARN");
  CHECK(PasteCleaner::strip_ansi("\x1b[38;5;208mfg\x1b[39m \x1b[2K\x1b[1Gx") == "fg x");
  CHECK(PasteCleaner::strip_ansi("\x1b]8;;https://docs.openclaw.ai\x1b\\docs\x1b]8;;\x1b\\") ==
        "docs");
  CHECK(PasteCleaner::strip_ansi("\x1b]0;openclaw gateway\x07ready") == "ready");
  CHECK(PasteCleaner::strip_ansi("\x1b(B\x1b[mplain") == "plain");  // tput sgr0
  CHECK(PasteCleaner::strip_ansi("a\x1b"
                                 "7b\x1b"
                                 "8c\x1bMd") == "abcd");
  CHECK(PasteCleaner::strip_ansi("\x9b"
                                 "31mred\x9b"
                                 "0m") == "red");  // 8-bit CSI
  // 0x9B inside UTF-8 characters ("ě" C4 9B, "Λ" CE 9B, "▛" E2 96 9B) is text.
  CHECK(PasteCleaner::strip_ansi("Děkuji Λ ▛") == "Děkuji Λ ▛");
  CHECK(PasteCleaner::strip_ansi("no escapes | here") == "no escapes | here");
}

TEST_CASE("truncated escapes at the end of a line are dropped without reading past it", "[paste]") {
  // The bytes after the view would complete the sequence; the cleaner must not look at them.
  const std::string buffer = "error\x1b[31mXYZ";
  PasteCleaner cleaner;
  for (std::size_t cut = 5; cut <= 9; ++cut) {
    const std::string_view line(buffer.data(), cut);  // "error", "error\x1b", ... "error\x1b[31"
    INFO(cut);
    CHECK(cleaner.clean(line).text == "error");
    CHECK(PasteCleaner::strip_ansi(line) == "error");
  }
  CHECK(PasteCleaner::strip_ansi("\x1b") == "");
  CHECK(PasteCleaner::strip_ansi("\x9b") == "");
  // An unterminated OSC loses only its introducer: the rest may be the log text.
  CHECK(PasteCleaner::strip_ansi("\x1b]8;;https://x") == "8;;https://x");
  // A CSI broken by a byte it cannot hold keeps that byte.
  CHECK(PasteCleaner::strip_ansi("\x1b[31\xffok") == "\xffok");
}

TEST_CASE("invalid UTF-8 is kept byte for byte", "[paste]") {
  PasteCleaner cleaner;
  const std::string latin1 =
      "message len=54: \"Caf\xe9 con leche\" \xff\xfe \xc3\x28 \xe2\x82 \xf0\x9f";
  auto r = cleaner.clean(latin1);
  CHECK_FALSE(r.changed);
  CHECK(r.text.data() == latin1.data());
  CHECK(r.text == latin1);

  const std::string coloured = "\x1b[31m\xe9t\xe9 \xff\x80\x1b[0m \xc4\x9b\r";
  r = cleaner.clean(coloured);
  CHECK(r.text == "\xe9t\xe9 \xff\x80 \xc4\x9b");
  CHECK(PasteCleaner::strip_ansi("\xff\x1b[0m\xfe") == "\xff\xfe");

  // The corpus inputs with Latin-1 and broken emoji bytes pass through unchanged.
  for (const char* name : {"cases/24-none-error-words-in-chat-invalid-utf8/input.log",
                           "cases/40-permission-denied-after-sudo-invalid-utf8/input.log"}) {
    const std::string text = read_corpus_file(name);
    PasteCleaner corpus_cleaner;
    for (std::string_view line : lines_of(text)) {
      const auto c = corpus_cleaner.clean(line);
      INFO(line);
      CHECK(c.kind == Kind::text);
      CHECK(c.text.data() == line.data());
      CHECK(c.text.size() == line.size());
    }
  }
}

TEST_CASE("pm2 logs from a tty lose colours and CRs but keep their | prefixes", "[paste]") {
  const auto cleaned = clean_all(read_corpus_file("formats/pm2-logs-tty-ansi.log"));
  REQUIRE(cleaned.size() > 20);
  for (const auto& c : cleaned) {
    CHECK(c.kind == Kind::text);
    CHECK(c.text.find('\x1b') == std::string::npos);
    CHECK(c.text.find('\r') == std::string::npos);
  }
  CHECK(cleaned[0].text ==
        "[TAILING] Tailing last 4 lines for [all] processes (change the value with --lines "
        "option)");
  CHECK(cleaned[2].text == "PM2      | App [worker:0] starting in -fork mode-");
  CHECK(cleaned[4].text == "0|worker | worker starting pid=30161");
  CHECK(cleaned[6].text ==
        "0|worker |     at Timeout._onTimeout (/home/fmtuser/app/crash.js:2:26)");
}

TEST_CASE("pm2 logs with colours clean to exactly the sed-stripped sample", "[paste]") {
  for (const auto& [ansi, plain] :
       {std::pair{"formats/pm2-logs-stream-ansi.log", "formats/pm2-logs-stream-plain.log"},
        std::pair{"formats/pm2-logs-stream-timestamp-ansi.log",
                  "formats/pm2-logs-stream-timestamp-plain.log"}}) {
    const std::string ansi_text = read_corpus_file(ansi);
    const std::string plain_text = read_corpus_file(plain);
    const auto ansi_lines = lines_of(ansi_text);
    const auto plain_lines = lines_of(plain_text);
    REQUIRE(ansi_lines.size() == plain_lines.size());
    PasteCleaner cleaner;
    std::size_t coloured = 0;
    for (std::size_t i = 0; i < ansi_lines.size(); ++i) {
      INFO(ansi << " line " << i + 1);
      CHECK(cleaner.clean(ansi_lines[i]).text == plain_lines[i]);
      CHECK(PasteCleaner::strip_ansi(ansi_lines[i]) == plain_lines[i]);
      if (ansi_lines[i] != plain_lines[i]) ++coloured;
    }
    CHECK(coloured > 200);  // the comparison is not vacuous
  }
}

TEST_CASE("caddy console lines lose the level colours and keep their tabs", "[paste]") {
  const std::string text = read_corpus_file("formats/caddy-console.log");
  const auto lines = lines_of(text);
  PasteCleaner cleaner;
  auto r = cleaner.clean(lines[0]);  // a JSON line: untouched
  CHECK(r.text.data() == lines[0].data());
  CHECK_FALSE(r.changed);
  r = cleaner.clean(lines[1]);
  CHECK(r.kind == Kind::text);
  CHECK(r.changed);
  CHECK(r.text == "2026/11/25 05:19:53.802\tWARN\tadmin\tadmin endpoint disabled");
  r = cleaner.clean(lines[3]);
  CHECK(r.text ==
        "2026/11/25 05:19:53.803\tINFO\ttls.cache.maintenance\tstarted background certificate "
        "maintenance\t{\"cache\": \"0xc0002959d0\"}");
}

TEST_CASE("docker compose up output loses both layers of colour, keeps UTF-8", "[paste]") {
  const auto cleaned = clean_all(read_corpus_file("formats/docker-compose-up-tty-ansi.log"));
  REQUIRE(cleaned.size() > 10);
  CHECK(cleaned[0].text == "Attaching to caddy-1, openclaw-gateway-1");
  CHECK(cleaned[1].text ==
        "openclaw-gateway-1  | 2026-09-21T14:00:03.211+00:00 [gateway] loading configuration…");
  for (const auto& c : cleaned) CHECK(c.text.find('\x1b') == std::string::npos);
}

TEST_CASE(
    "coloured compose output: strip_ansi(evidence) equals evidence_plain, input lines clean to it",
    "[paste]") {
  const std::string dir = "cases/17-dns-eai-again-ansi-compose-up/";
  const std::string yaml = read_corpus_file(dir + "expected.yaml");
  const auto evidence = yaml_list(yaml, "evidence");
  const auto plain = yaml_list(yaml, "evidence_plain");
  REQUIRE(evidence.size() == 2);
  REQUIRE(plain.size() == evidence.size());
  const auto texts = texts_of(clean_all(read_corpus_file(dir + "input.log")));
  for (std::size_t i = 0; i < evidence.size(); ++i) {
    CHECK(evidence[i].find('\x1b') != std::string::npos);
    CHECK(PasteCleaner::strip_ansi(evidence[i]) == plain[i]);
    PasteCleaner cleaner;
    CHECK(cleaner.clean(evidence[i]).text == plain[i]);
    CHECK(contains(texts, plain[i]));
  }
}

TEST_CASE("openclaw doctor clack panels: frames and titles go, panel text stays", "[paste]") {
  const auto cleaned =
      clean_all(read_corpus_file("real/04-invalid-config-bad-json/doctor.stdout.log"));
  const auto texts = texts_of(cleaned);
  CHECK(contains(texts, "Config invalid; doctor will run with best-effort config."));
  CHECK(contains(texts, "Run \"openclaw doctor --fix\" to persist the explicit agent roster."));
  CHECK(contains(texts, "gateway.mode is unset; gateway start will be blocked."));
  CHECK(contains(texts, "  because no WhatsApp/pairing channel config is active."));  // indent kept
  CHECK(contains(texts, "Doctor complete."));
  CHECK(contains(texts, "OpenClaw doctor"));
  // Lines that were never framed are untouched.
  CHECK(contains(texts,
                 "  fix: If an edge proxy fronts node onboarding, allow /j/* and "
                 "/__openclaw__/worker without edge identity auth, and preserve WebSocket upgrade "
                 "on /__openclaw__/worker. Both routes enforce their own credentials."));
  std::size_t empty = 0;
  for (const auto& t : texts) {
    INFO(t);
    CHECK(t.find("\u2502") == std::string::npos);  // │
    CHECK(t.find("\u256E") == std::string::npos);  // ╮
    CHECK(t.find("\u25C7") == std::string::npos);  // ◇
    empty += t.empty() ? 1 : 0;
  }
  CHECK(empty == 1);  // the blank line the file ends with; empty framed lines are skipped
  std::size_t skipped = 0;
  for (const auto& c : cleaned) skipped += c.kind == Kind::skip ? 1 : 0;
  CHECK(skipped > 50);

  PasteCleaner cleaner;
  CHECK(cleaner.clean("◇  Doctor warnings ────────────────────────╮").kind == Kind::skip);
  CHECK(cleaner.clean("├──────────────────────────────────────────╯").kind == Kind::skip);
  CHECK(cleaner.clean("│").kind == Kind::skip);
  CHECK(cleaner.clean("│                                          │").kind == Kind::skip);
  CHECK(cleaner.clean("╭──────╮").kind == Kind::skip);
  CHECK(cleaner.clean("  │  - gateway.port: Invalid input  │").text ==
        "- gateway.port: Invalid input");
  CHECK(cleaner.clean("┃ heavy frame ┃").text == "heavy frame");
  CHECK(cleaner.clean("║ double frame").text == "double frame");
}

TEST_CASE("pm2 ls and describe tables keep their rows; only borders are skipped", "[paste]") {
  const std::string text = read_corpus_file("formats/pm2-ls.log");
  PasteCleaner cleaner;
  std::size_t rows = 0;
  std::size_t borders = 0;
  for (std::string_view line : lines_of(text)) {
    const auto r = cleaner.clean(line);
    INFO(line);
    if (r.kind == Kind::skip) {
      ++borders;
      continue;
    }
    CHECK_FALSE(r.changed);
    CHECK(r.text.data() == line.data());
    CHECK(r.text.size() == line.size());
    ++rows;
  }
  CHECK(borders == 3);  // ┌┬┐, ├┼┤, └┴┘
  CHECK(rows == 4);     // header, two processes, host metrics
  const std::string_view row =
      "│ 0  │ openclaw-gateway    │ default     │ N/A     │ fork    │ 0        │ 0      │";
  CHECK(cleaner.clean(row).text.data() == row.data());
  const std::string_view describe = "│ status            │ online                      │";
  CHECK_FALSE(cleaner.clean(describe).changed);
  // A plain '|' is a prefix separator (PM2, docker compose), never a frame.
  const std::string_view pipes = "| 0 | openclaw | online |";
  CHECK(cleaner.clean(pipes).text.data() == pipes.data());
}

TEST_CASE("trees drawn with box characters are not frames", "[paste]") {
  PasteCleaner cleaner;
  // After the line they belong to, as systemctl status prints them (a first line indented by
  // four would open a Markdown code block).
  cleaner.clean("● openclaw-gateway.service - OpenClaw Gateway");
  for (std::string_view line :
       {"             ├─app.slice", "             │ └─openclaw-gateway.service",
        "             │   └─4242 /usr/bin/node openclaw.mjs gateway run",
        "             └─4260 \"openclaw-gateway spawn-broker\"", "├── node_modules",
        "│   └── openclaw"}) {
    INFO(line);
    const auto r = cleaner.clean(line);
    CHECK(r.kind == Kind::text);
    CHECK(r.text.data() == line.data());
    CHECK(r.text.size() == line.size());
  }
}

TEST_CASE("Markdown quotes, bold and inline code around log lines are removed", "[paste]") {
  PasteCleaner cleaner;
  auto r = cleaner.clean("> 2026-11-25T04:42:36.549+00:00 [gateway] ready");
  CHECK(r.kind == Kind::text);
  CHECK(r.text == "2026-11-25T04:42:36.549+00:00 [gateway] ready");
  CHECK(r.changed);
  CHECK(cleaner.clean("> > nested quote").text == "nested quote");
  CHECK(cleaner.clean(">> nested quote").text == "nested quote");
  // A quote marker alone is an empty line of the quoted log, not decoration.
  for (std::string_view empty : {">", "> ", "> >"}) {
    r = cleaner.clean(empty);
    CHECK(r.kind == Kind::text);
    CHECK(r.text.empty());
    CHECK(r.changed);
  }

  r = cleaner.clean("**Gateway failed to start: listen EADDRINUSE 127.0.0.1:18789**");
  CHECK(r.text == "Gateway failed to start: listen EADDRINUSE 127.0.0.1:18789");
  r = cleaner.clean("**Error:** connect ECONNREFUSED 127.0.0.1:18789");
  CHECK(r.text == "Error: connect ECONNREFUSED 127.0.0.1:18789");
  CHECK(r.changed);
  CHECK(cleaner.clean("> **Error:** quoted and bold").text == "Error: quoted and bold");
  CHECK(cleaner.clean("**********************").text == "**********************");
  CHECK(cleaner.clean("** not bold").text == "** not bold");

  CHECK(cleaner.clean("`Error: listen EADDRINUSE :::18789`").text ==
        "Error: listen EADDRINUSE :::18789");
  CHECK(cleaner.clean("`` a `tick` inside ``").text == "a `tick` inside");
  CHECK(cleaner.clean("```single line fenced```").text == "single line fenced");
  CHECK(cleaner.clean("`a` and `b`").text == "`a` and `b`");
  // A code span that ends a sentence of the surrounding prose keeps its full stop outside.
  CHECK(cleaner.clean("`x.service: Main process exited, code=exited, status=203/EXEC`. ").text ==
        "x.service: Main process exited, code=exited, status=203/EXEC");
  CHECK(cleaner.clean("`Active: failed (Result: exit-code)`,").text ==
        "Active: failed (Result: exit-code)");
  CHECK(cleaner.clean("`a`. and `b`.").text == "`a`. and `b`.");  // two spans: prose stays
  CHECK(cleaner.clean("it failed.").text == "it failed.");        // no span: untouched
  // Blanks a paste left after the closing tick or stars do not hide the markup.
  CHECK(cleaner
            .clean("`FATAL ERROR: Committing semi space failed. Allocation failed - process "
                   "out of memory`   ")
            .text ==
        "FATAL ERROR: Committing semi space failed. Allocation failed - process out "
        "of memory");
  CHECK(cleaner.clean("**Error: connect ECONNREFUSED 127.0.0.1:18789** \t").text ==
        "Error: connect ECONNREFUSED 127.0.0.1:18789");
}

TEST_CASE("Markdown emphasis around a whole quoted line is removed, inner underscores stay",
          "[paste]") {
  PasteCleaner cleaner;
  // systemd v219 (CentOS 7) exec failure quoted in italics in an issue body
  auto r = cleaner.clean(
      "_Failed at step EXEC spawning /var/www/app/venv/bin/my_worker -l 127.0.0.1: No such file "
      "or directory_");
  CHECK(r.text ==
        "Failed at step EXEC spawning /var/www/app/venv/bin/my_worker -l 127.0.0.1: No such file "
        "or directory");
  CHECK(r.changed);
  CHECK(cleaner.clean("*Error: listen EADDRINUSE: address already in use :::3000*").text ==
        "Error: listen EADDRINUSE: address already in use :::3000");
  CHECK(cleaner.clean("__nginx: [emerg] bind() to 0.0.0.0:80 failed__.").text ==
        "nginx: [emerg] bind() to 0.0.0.0:80 failed");
  // Not emphasis: blanks inside the markers, unequal runs, one marker, a rule of stars.
  CHECK(cleaner.clean("_ spaced _").text == "_ spaced _");
  CHECK(cleaner.clean("_a__").text == "_a__");
  CHECK(cleaner.clean("_partial line").text == "_partial line");
  CHECK(cleaner.clean("***").text == "***");
  CHECK(cleaner.clean("*** x ***").text == "*** x ***");
  CHECK(cleaner.clean("* list item*").text == "* list item*");
  CHECK(cleaner.clean("snake_case_name").text == "snake_case_name");
}

TEST_CASE("code fences are skipped and their content is literal", "[paste]") {
  PasteCleaner cleaner;
  CHECK(cleaner.clean("```").kind == Kind::skip);
  auto r = cleaner.clean("**literal bold inside a fence**");
  CHECK(r.text == "**literal bold inside a fence**");
  CHECK_FALSE(r.changed);
  CHECK(cleaner.clean("```bash").text == "```bash");  // not a closer: content
  // Other cleaning still applies inside: colours, frames, prompts.
  CHECK(cleaner.clean("\x1b[31merror\x1b[39m").text == "error");
  CHECK(cleaner.clean("│  framed  │").text == "framed");
  CHECK(cleaner.clean("$ pm2 logs").kind == Kind::command);
  CHECK(cleaner.clean("```").kind == Kind::skip);  // closes
  CHECK(cleaner.clean("**bold again**").text == "bold again");

  CHECK(cleaner.clean("~~~log").kind == Kind::skip);
  CHECK(cleaner.clean("```").text == "```");  // a tilde fence is not closed by backticks
  CHECK(cleaner.clean("~~~~").kind == Kind::skip);
  CHECK(cleaner.clean("   ```journalctl").kind == Kind::skip);  // indented up to 3, with info
  CHECK(cleaner.clean("   ```").kind == Kind::skip);
  CHECK(cleaner.clean("    ```").text == "    ```");  // 4 spaces: an indented code line
}

// A fence under a numbered list item ("3. ... detected\n   ```\n   key: msg\n   ```"):
// CommonMark 4.5 takes the opener's indentation off each content line, no more.
TEST_CASE("a fence indented under a list item gives its lines back without that indent",
          "[paste]") {
  PasteCleaner cleaner;
  CHECK(cleaner.clean("   ```").kind == Kind::skip);
  auto r = cleaner.clean(R"(   gateway.controlUi: Unrecognized keys: "autoApproveDevices")");
  CHECK(r.text == R"(gateway.controlUi: Unrecognized keys: "autoApproveDevices")");
  CHECK(r.changed);
  CHECK(cleaner.clean("     at Object.onClose (file:///x.js:1:1)").text ==
        "  at Object.onClose (file:///x.js:1:1)");  // deeper: only the fence's three go
  CHECK(cleaner.clean(" one space less than the fence").text == "one space less than the fence");
  CHECK(cleaner.clean("   ```").kind == Kind::skip);
  // An unindented fence leaves its content's indentation alone.
  CHECK(cleaner.clean("```").kind == Kind::skip);
  CHECK(cleaner.clean("     Loaded: loaded (/etc/systemd/system/x.service)").text ==
        "     Loaded: loaded (/etc/systemd/system/x.service)");
  CHECK(cleaner.clean("```").kind == Kind::skip);
}

TEST_CASE("a fence inside a quote ends with the quote", "[paste]") {
  PasteCleaner cleaner;
  CHECK(cleaner.clean("> ```text").kind == Kind::skip);
  CHECK(cleaner.clean("> > not a nested quote, fenced content").text ==
        "> not a nested quote, fenced content");
  CHECK(cleaner.clean("> 2026-11-25 line").text == "2026-11-25 line");
  CHECK(cleaner.clean("> ```").kind == Kind::skip);
  CHECK(cleaner.clean("**outside again**").text == "outside again");

  CHECK(cleaner.clean("> ```").kind == Kind::skip);
  CHECK(cleaner.clean("2026-11-25 after the quote ended").text ==
        "2026-11-25 after the quote ended");
  CHECK(cleaner.clean("**markdown applies again**").text == "markdown applies again");

  CHECK(cleaner.clean("```").kind == Kind::skip);
  cleaner.reset();
  CHECK(cleaner.clean("**after reset**").text == "after reset");
}

TEST_CASE("shell prompts become commands; bare prompts are skipped", "[paste]") {
  PasteCleaner cleaner;
  const std::pair<std::string_view, std::string_view> prompts[] = {
      {"$ journalctl -u openclaw -n 200 --no-pager", "journalctl -u openclaw -n 200 --no-pager"},
      {"# journalctl -k | grep -i oom", "journalctl -k | grep -i oom"},
      {"#  sudo systemctl status openclaw", "sudo systemctl status openclaw"},
      {"ocuser@srv:~$ pm2 ls", "pm2 ls"},
      {"root@vm:/etc/openclaw# cat openclaw.json", "cat openclaw.json"},
      {"pi@raspberrypi:~/oc $ docker compose logs -f", "docker compose logs -f"},
      {"alice@MacBook-Pro ~ % openclaw doctor", "openclaw doctor"},
      {"[root@fedora openclaw]# podman logs gateway", "podman logs gateway"},
      {"(venv) bob@box:~/src$ node index.js", "node index.js"},
      {"PS C:\\Users\\alice> openclaw gateway run", "openclaw gateway run"},
      {"PS C:\\Program Files\\OpenClaw> $LASTEXITCODE", "$LASTEXITCODE"},
      {"PS /home/alice> pm2 logs", "pm2 logs"},
      {"C:\\Users\\alice>npm start", "npm start"},
      {"❯ docker logs openclaw-gateway-1", "docker logs openclaw-gateway-1"},
      {"➜  ~ openclaw status", "openclaw status"},
      {"➜  openclaw git:(main) ✗ pnpm dev", "pnpm dev"},
      {"> $ curl -v http://127.0.0.1:18789/health", "curl -v http://127.0.0.1:18789/health"},
      {"\x1b[32mocuser@srv\x1b[0m:\x1b[34m~\x1b[0m$ ss -ltnp\r", "ss -ltnp"},
  };
  for (const auto& [line, command] : prompts) {
    INFO(line);
    const auto r = cleaner.clean(line);
    CHECK(r.kind == Kind::command);
    CHECK(r.text == command);
    CHECK(r.changed);
  }
  for (std::string_view bare : {"$", "$ ", "ocuser@srv:~$", "root@vm:/var/log# ",
                                "PS C:\\Users\\x>", "❯", "➜  ~", "[root@fedora ~]#"}) {
    INFO(bare);
    CHECK(cleaner.clean(bare).kind == Kind::skip);
  }
  for (std::string_view not_prompt :
       {"# Logs from yesterday", "#journalctl", "$LASTEXITCODE", "# sshd config follows",
        "user@example.com: delivered", "openclaw@2026.9.6 start", "C:\\app\\server.js:12",
        "Error: something $ 5", "[gateway] listening"}) {
    INFO(not_prompt);
    const auto r = cleaner.clean(not_prompt);
    CHECK(r.kind == Kind::text);
    CHECK(r.text == not_prompt);
  }
}

TEST_CASE("pasted terminal sessions: commands and output told apart", "[paste]") {
  auto cleaned =
      clean_all(read_corpus_file("cases/43-negative-second-start-own-instance/input-2.log"));
  std::vector<std::string> commands;
  for (const auto& c : cleaned) {
    if (c.kind == Kind::command) commands.push_back(c.text);
  }
  CHECK(commands == std::vector<std::string>{"pm2 ls", "openclaw gateway run", "openclaw status"});
  CHECK(contains(texts_of(cleaned), "Probe target: ws://127.0.0.1:18789"));

  cleaned = clean_all(read_corpus_file("cases/18-crash-uncaught-typeerror-windows-crlf/input.log"));
  commands.clear();
  for (const auto& c : cleaned) {
    if (c.kind == Kind::command) commands.push_back(c.text);
    CHECK(c.text.find('\r') == std::string::npos);
  }
  CHECK(commands == std::vector<std::string>{"openclaw gateway run", "$LASTEXITCODE",
                                             "openclaw gateway status", "Stop-Transcript"});
  CHECK(contains(texts_of(cleaned),
                 "TypeError: Cannot read properties of undefined (reading 'chat')"));
  CHECK(contains(texts_of(cleaned), "**********************"));
}

TEST_CASE("1 MB lines: plain ones are not copied, coloured and framed ones are cleaned",
          "[paste]") {
  PasteCleaner cleaner;
  const std::string plain = "2026-11-25T04:42:36Z " + std::string(1 << 20, 'x');
  auto r = cleaner.clean(plain);
  CHECK(r.text.data() == plain.data());
  CHECK(r.text.size() == plain.size());

  std::string coloured;
  std::string expected;
  while (coloured.size() < (1u << 20)) {
    coloured += "\x1b[33mwarn\x1b[0m text \xc4\x9b ";
    expected += "warn text \xc4\x9b ";
  }
  r = cleaner.clean(coloured);
  CHECK(r.text.size() == expected.size());
  CHECK(r.text == expected);

  const std::string framed = "│ " + std::string(1 << 20, 'y') + " │";
  CHECK(cleaner.clean(framed).text.size() == (1u << 20));
  const std::string escapes(1 << 20, '\x1b');
  CHECK(cleaner.clean(escapes).text.empty());
  const std::string c1(1 << 20, '\x9b');
  CHECK(cleaner.clean(c1).text.empty());
  // a fresh cleaner: after the (now blank) escape lines above, indentation would open a
  // Markdown code block, whose four spaces are dropped (still a view into the line)
  const std::string spaces = std::string(1 << 20, ' ') + "at x";
  CHECK(PasteCleaner().clean(spaces).text.data() == spaces.data());
  const auto in_block = cleaner.clean(spaces).text;
  CHECK(in_block.data() == spaces.data() + 4);
  CHECK(in_block.size() == spaces.size() - 4);
}

// GitHub issue bodies where the line end after a fence was lost: the fence marker (with or
// without a language tag) sits on the first log line, the closer on the last one.
TEST_CASE("fences glued to log lines keep the log text", "[paste]") {
  PasteCleaner cleaner;
  auto r = cleaner.clean("```Jun 30 13:25:13 host systemd[1]: ananicy.service: Failed.");
  CHECK(r.kind == Kind::text);
  CHECK(r.text == "Jun 30 13:25:13 host systemd[1]: ananicy.service: Failed.");
  CHECK(r.changed);
  CHECK(cleaner.clean("**literal inside the fence**").text == "**literal inside the fence**");
  r = cleaner.clean("Jun 30 13:25:14 host systemd[1]: Failed to start Ananicy.```");
  CHECK(r.text == "Jun 30 13:25:14 host systemd[1]: Failed to start Ananicy.");
  CHECK(cleaner.clean("**outside again**").text == "outside again");  // the fence closed

  CHECK(cleaner.clean("```log 2026/10/20 09:14:21 [error] 1203#1203: *3 connect() failed").text ==
        "2026/10/20 09:14:21 [error] 1203#1203: *3 connect() failed");
  CHECK(cleaner.clean("```").kind == Kind::skip);
  CHECK(cleaner.clean("```{\"level\":\"error\",\"msg\":\"dial tcp\"}").text ==
        "{\"level\":\"error\",\"msg\":\"dial tcp\"}");
  CHECK(cleaner.clean("```").kind == Kind::skip);
  // A language tag alone, or one unknown word, is an info string: the line is decoration.
  CHECK(cleaner.clean("```console").kind == Kind::skip);
  CHECK(cleaner.clean("```").kind == Kind::skip);
  CHECK(cleaner.clean("```journalctl").kind == Kind::skip);
  CHECK(cleaner.clean("```").kind == Kind::skip);
}

// A fence's language tag glued to the first log line: the paste lost the line end after
// "```text" (and, copied out of a rendered chat, maybe the backticks too). Texts: V8's
// OOMErrorHandler (node 12+), node 12+ net.js listen error, the gateway's console line.
TEST_CASE("a fence's language tag glued to the first log line is peeled", "[paste]") {
  PasteCleaner cleaner;
  CHECK(cleaner
            .clean("```textFATAL ERROR: Reached heap limit Allocation failed - JavaScript "
                   "heap out of memory")
            .text ==
        "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of "
        "memory");
  CHECK(cleaner.clean("```").kind == Kind::skip);
  CHECK(cleaner.clean("```bashError: listen EADDRINUSE: address already in use :::18789").text ==
        "Error: listen EADDRINUSE: address already in use :::18789");
  CHECK(cleaner.clean("```").kind == Kind::skip);

  // Without the backticks: at the start of the paste, after a blank line or after "...:".
  const auto bare = clean_all(
      "textFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n"
      "\n"
      "log2026-02-08T09:38:21.274Z [gateway] listening on ws://127.0.0.1:18789\n"
      "The gateway printed:\n"
      "shError [ERR_REQUIRE_ESM]: require() of ES Module /app/x.js not supported.\n"
      "json{\"level\":50,\"msg\":\"boom\"}");
  CHECK(bare[0].text ==
        "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory");
  CHECK(bare[0].changed);
  CHECK(bare[2].text == "2026-02-08T09:38:21.274Z [gateway] listening on ws://127.0.0.1:18789");
  CHECK(bare[4].text == "Error [ERR_REQUIRE_ESM]: require() of ES Module /app/x.js not supported.");
  CHECK(bare[5].text == "json{\"level\":50,\"msg\":\"boom\"}");  // mid-block: not peeled
}

TEST_CASE("words that only look like a glued language tag stay", "[paste]") {
  // In the middle of a log a camelCase name is the writer's ("jsonParseError" after a line).
  const auto mid = clean_all("2026-02-08T09:38:21.274Z start\njsonParseError: bad input at 3");
  CHECK(mid[1].text == "jsonParseError: bad input at 3");
  CHECK_FALSE(mid[1].changed);
  // At a block's start: a tag glued to no record start, or no tag at all.
  for (const std::string_view line :
       {"textbook example of a crash", "bash: openclaw: command not found",
        "logMessage: flushed 3 entries", "consoleStarted the gateway", "logs2 entries",
        "shellExecuteEx failed", "Error: listen EADDRINUSE :::18789",
        "apache2: Syntax error on line 227 of /etc/apache2/apache2.conf:",
        "python3: can't open file '/app/x.py'",
        "systemd[1]: start request repeated too quickly for openclaw.service",
        "nginx[4635]: nginx: configuration file /etc/nginx/nginx.conf test failed"}) {
    PasteCleaner cleaner;
    const auto r = cleaner.clean(line);
    CHECK(r.text == line);
  }
  // Inside a fence the text is literal.
  const auto fenced = clean_all("```\ntextFATAL ERROR: x\n```");
  CHECK(fenced[1].text == "textFATAL ERROR: x");
}

TEST_CASE("markup glued to one end of a log line is removed", "[paste]") {
  PasteCleaner cleaner;
  CHECK(cleaner.clean("**Mar 06 02:30:04 c1 systemd[1]: x.service failed.").text ==
        "Mar 06 02:30:04 c1 systemd[1]: x.service failed.");
  CHECK(cleaner.clean("Mar 06 02:30:04 c1 systemd[1]: x.service failed.**").text ==
        "Mar 06 02:30:04 c1 systemd[1]: x.service failed.");
  CHECK(cleaner.clean("`2026-03-05T08:20:25.123Z listening on ws://127.0.0.1:18789").text ==
        "2026-03-05T08:20:25.123Z listening on ws://127.0.0.1:18789");
  CHECK(cleaner.clean("Mar 06 02:30:04 c1 systemd[1]: x.service failed.`").text ==
        "Mar 06 02:30:04 c1 systemd[1]: x.service failed.");
  // Paired or literal markup stays.
  CHECK(cleaner.clean("Use `pm2 show <id|name>` to get more details").text ==
        "Use `pm2 show <id|name>` to get more details");
  CHECK(cleaner.clean("a ** b ** c").text == "a ** b ** c");
  CHECK(cleaner.clean("password: ****").text == "password: ****");
  CHECK(cleaner.clean("**********************").text == "**********************");
}

TEST_CASE("list bullets and numbers in front of log lines are removed, prose keeps them",
          "[paste]") {
  PasteCleaner cleaner;
  CHECK(cleaner.clean("- Mar 06 02:30:04 c1 systemd[1]: x.service failed.").text ==
        "Mar 06 02:30:04 c1 systemd[1]: x.service failed.");
  CHECK(cleaner.clean("* 2026/10/20 09:14:21 [error] 1203#1203: *3 connect() failed").text ==
        "2026/10/20 09:14:21 [error] 1203#1203: *3 connect() failed");
  CHECK(cleaner.clean("1. janv. 05 10:00:00 osmc systemd[1]: Failed to start Foo.").text ==
        "janv. 05 10:00:00 osmc systemd[1]: Failed to start Foo.");
  CHECK(cleaner.clean("12) [Thu Dec  7 00:05:14 2017] Killed process 28438 (java)").text ==
        "[Thu Dec  7 00:05:14 2017] Killed process 28438 (java)");
  CHECK(cleaner.clean("- `Mar 06 02:30:04 c1 systemd[1]: x.service failed.`").text ==
        "Mar 06 02:30:04 c1 systemd[1]: x.service failed.");
  CHECK(cleaner.clean("- openclaw-family-gateway.service").text ==
        "- openclaw-family-gateway.service");
  CHECK(cleaner.clean("1. Install node first").text == "1. Install node first");
  CHECK(cleaner.clean("-- Logs begin at Fri 2015-03-06 02:02:25 UTC. --").text ==
        "-- Logs begin at Fri 2015-03-06 02:02:25 UTC. --");
  auto r = cleaner.clean("2026-03-05T08:20:25.123Z 12. is not a list");
  CHECK(r.text == "2026-03-05T08:20:25.123Z 12. is not a list");
  CHECK_FALSE(r.changed);
}

TEST_CASE("a list item that is one whole code span is a quoted line; code in prose items stays",
          "[paste]") {
  struct Case {
    std::string_view pasted;
    std::string_view cleaned;
  };
  const Case cases[] = {
      {"- `unauthorized: gateway token mismatch`", "unauthorized: gateway token mismatch"},
      {"* `WhatsApp gateway disconnected (status 408)`",
       "WhatsApp gateway disconnected (status 408)"},
      {"2. `Error: EACCES: permission denied, mkdir '/tmp/openclaw'`.",
       "Error: EACCES: permission denied, mkdir '/tmp/openclaw'"},
      // Code in a prose item, or two spans with prose between them: the item is prose.
      {"- run `openclaw doctor --fix` first", "- run `openclaw doctor --fix` first"},
      {"- `gateway.auth.token` and `gateway.remote.token` match",
       "- `gateway.auth.token` and `gateway.remote.token` match"},
  };
  PasteCleaner cleaner;
  for (const Case& c : cases) {
    INFO(c.pasted);
    CHECK(cleaner.clean(c.pasted).text == c.cleaned);
  }
}

namespace {

std::vector<std::string> records_of(PasteCleaner& cleaner, std::string_view line) {
  std::vector<std::string> out{std::string(cleaner.clean(line).text)};
  while (const auto next = cleaner.next_glued()) out.emplace_back(*next);
  return out;
}

// The one record a sentence's quote becomes (the line must give exactly two: itself and it).
std::string quote_of(PasteCleaner& cleaner, std::string_view line) {
  INFO(line);
  const auto records = records_of(cleaner, line);
  REQUIRE(records.size() == 2);
  return records[1];
}

}  // namespace

// Records whose line end a paste lost (systemd v219 wording; console.log of JSON objects by
// a Node app under docker compose).
TEST_CASE("records glued onto one line are split at the second envelope", "[paste]") {
  PasteCleaner cleaner;
  auto records = records_of(
      cleaner,
      "Mar 06 02:30:04 c1 systemd[1]: r101.service holdoff time over, scheduling restart.Mar 06 "
      "02:30:04 c1 systemd[1]: Stopping r101...Mar 06 02:30:05 c1 systemd[1]: Starting r101...");
  REQUIRE(records.size() == 3);
  CHECK(records[0] ==
        "Mar 06 02:30:04 c1 systemd[1]: r101.service holdoff time over, scheduling restart.");
  CHECK(records[1] == "Mar 06 02:30:04 c1 systemd[1]: Stopping r101...");
  CHECK(records[2] == "Mar 06 02:30:05 c1 systemd[1]: Starting r101...");

  records = records_of(cleaner,
                       "{\"message\":\"connect ECONNREFUSED 172.18.0.3:27017\",\"level\":\"error\"}"
                       "{\"message\":\"a } and { in a string\",\"level\":\"error\"}");
  REQUIRE(records.size() == 2);
  CHECK(records[1] == "{\"message\":\"a } and { in a string\",\"level\":\"error\"}");

  records = records_of(cleaner,
                       "2016/12/15 16:11:55 [error] 5#5: *1 connect() failed (111: Connection "
                       "refused).2016/12/15 16:11:56 [error] 5#5: *3 no live upstreams");
  REQUIRE(records.size() == 2);
  CHECK(records[1] == "2016/12/15 16:11:56 [error] 5#5: *3 no live upstreams");
  CHECK_FALSE(cleaner.next_glued());
}

TEST_CASE("a message that merely contains a date or a stamp is not split", "[paste]") {
  PasteCleaner cleaner;
  for (std::string_view line : {
           // quoted, after a blank, after '=', no envelope after the stamp
           "Mar 06 02:30:04 c1 app[7]: replaying \"Mar 05 01:00:00 c1 cron[9]: job done\" now",
           "Mar 06 02:30:04 c1 app[7]: last backup Mar 05 01:00:00 c1 cron[9]: job done",
           "2026-03-05T08:20:25.123Z info next run at=2026-03-06T08:20:25.123Z daily",
           "2026-03-05T08:20:25.123Z info retry scheduled 2026-03-05T08:25:25Z ok",
           "Mar 06 02:30:04 c1 app[7]: cert valid until Mar 06 02:30:04 2027.",
           "{\"a\":1,\"pad\":\"a blank between two objects\"} {\"b\":2}",
           "{\"msg\":\"a }{ inside a string value\",\"level\":\"info\"}",
       }) {
    INFO(line);
    const auto r = cleaner.clean(line);
    CHECK(r.text == line);
    CHECK_FALSE(cleaner.next_glued());
  }
}

// Errors quoted inside a sentence, as people write issues (node 20 heap OOM banner line,
// node 12-24 net.js EADDRINUSE, systemd v232+ "Failed with result"): each quote is a record of
// its own after the sentence, which stays as it was (openclaw's own messages hold commands in
// backticks, and their evidence must read as printed).
TEST_CASE("an error quoted inside a sentence is handed out as a record of its own", "[paste]") {
  PasteCleaner cleaner;
  CHECK(quote_of(
            cleaner,
            "The gateway died with `FATAL ERROR: Reached heap limit Allocation failed - JavaScript "
            "heap out of memory` (SIGABRT) after an hour.") ==
        "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory");
  CHECK(quote_of(cleaner,
                 "i have issue with \"Error: listen EADDRINUSE: address already in use "
                 ":::3000\" when i run it") ==
        "Error: listen EADDRINUSE: address already in use :::3000");
  // two spans, curly quotes, a double-backtick span holding a backtick
  auto records = records_of(cleaner,
                            "First came `api.service: Failed with result 'exit-code'.` then "
                            "\xE2\x80\x9C"
                            "connect ECONNREFUSED 127.0.0.1:5432\xE2\x80\x9D"
                            " and ``a `b` "
                            "c d e f g h``.");
  REQUIRE(records.size() == 4);
  CHECK(records[1] == "api.service: Failed with result 'exit-code'.");
  CHECK(records[2] == "connect ECONNREFUSED 127.0.0.1:5432");
  CHECK(records[3] == "a `b` c d e f g h");
  // a colon makes a blank-less span a record ("ECONNREFUSED:" forms); a quote inside a span is
  // that span's
  records = records_of(cleaner, "it said `Error:ECONNREFUSED` and `node \"a b c d e f g h\"` end");
  REQUIRE(records.size() == 3);
  CHECK(records[1] == "Error:ECONNREFUSED");
  CHECK(records[2] == "node \"a b c d e f g h\"");
  // in parentheses; a whole line that is one quote (in a Markdown quote)
  CHECK(quote_of(cleaner,
                 "Which cause an error on nginx (\"upstream prematurely closed connection "
                 "while reading response header from upstream\"). If I comment it out") ==
        "upstream prematurely closed connection while reading response header from upstream");
  // a line that is one quote is unwrapped, as a line that is one code span is: one record
  records = records_of(cleaner, "> \"Temporary failure in name resolution\".");
  REQUIRE(records.size() == 1);
  CHECK(records[0] == "Temporary failure in name resolution");
  // a whole log record wrapped in quotes (its own quotes kept, its last one too)
  records = records_of(cleaner,
                       "\"2020/05/09 13:53:05 [error] 1690#1690: *1 connect() failed (111: "
                       "Connection refused) while connecting to upstream, client: 192.0.2.62, "
                       "host: \"192.0.2.59:7818\"\"");
  REQUIRE(records.size() == 1);
  CHECK(records[0] ==
        "2020/05/09 13:53:05 [error] 1690#1690: *1 connect() failed (111: Connection refused) "
        "while connecting to upstream, client: 192.0.2.62, host: \"192.0.2.59:7818\"");
  records = records_of(cleaner, "\"2024-03-01T10:00:00Z ERROR boom at startup\".");
  REQUIRE(records.size() == 1);
  CHECK(records[0] == "2024-03-01T10:00:00Z ERROR boom at startup");
  // not a record: no stamp right after the quote, or no closing quote at the end
  records = records_of(cleaner, "\"2020/05/09 13:53:05 [error] cut before the end");
  REQUIRE(records.size() == 1);
  CHECK(records[0] == "\"2020/05/09 13:53:05 [error] cut before the end");
  // an unmatched backtick run is literal text; a later span still counts
  CHECK(quote_of(cleaner, "the fence ``` broke, then `Error: listen EADDRINUSE :::3000` came") ==
        "Error: listen EADDRINUSE :::3000");
  // a report followed by a question is still a report
  CHECK(quote_of(cleaner,
                 "When I hit \"run Nginx\" I get a \"Error starting server : Error: spawn "
                 "EACCES\" in logs. Normal ?") == "Error starting server : Error: spawn EACCES");
  // single quotes (openclaw's CLI "gateway closed (${code}): ${reason}", src/gateway/call.ts,
  // quoted by hand); an apostrophe inside the quote does not close it, one after it does
  CHECK(quote_of(cleaner,
                 "It drops the WebSocket connection with a 'gateway closed (1008): "
                 "unauthorized' message.") == "gateway closed (1008): unauthorized");
  CHECK(quote_of(cleaner,
                 "The app keeps printing 'Error: Can't find module express' and the app's "
                 "restarts go up") == "Error: Can't find module express");
  // curly single quotes (kernel 4.19+ "Out of memory: Killed process %d (%s)", mm/oom_kill.c)
  CHECK(quote_of(cleaner,
                 "dmesg shows \xE2\x80\x98Out of memory: Killed process 4242 (node)"
                 "\xE2\x80\x99 every night") == "Out of memory: Killed process 4242 (node)");
  // Markdown emphasis in a sentence (mysqljs "connect ETIMEDOUT", lib/Connection.js
  // _handleConnectTimeout; node 12-24 net.js EADDRINUSE), a quote glued to a colon
  records = records_of(cleaner,
                       "Its returning *Error: connect ETIMEDOUT*. It works fine, then "
                       "**Error: listen EADDRINUSE: address already in use :::3000** came");
  REQUIRE(records.size() == 3);
  CHECK(records[1] == "Error: connect ETIMEDOUT");
  CHECK(records[2] == "Error: listen EADDRINUSE: address already in use :::3000");
  CHECK(quote_of(cleaner, "alway show:\"Error: connect ETIMEDOUT\"") == "Error: connect ETIMEDOUT");
  // after an issue form's label, bold in the paste, the rest is prose whatever it starts with
  // (openclaw 2026.x connect error "unauthorized: device token mismatch", src/gateway/call.ts)
  records = records_of(cleaner,
                       "**Problem:** `openclaw gateway install` writes the token into the unit. "
                       "This causes persistent `unauthorized: device token mismatch` errors.");
  REQUIRE(records.size() == 3);
  CHECK(records[1] == "openclaw gateway install");
  CHECK(records[2] == "unauthorized: device token mismatch");
  // Chinese prose has no blank between its words (a numbered list item, its number taken off;
  // openclaw Control UI status "disconnected (1008): ...", ui/src/ui/app-gateway.ts)
  CHECK(quote_of(cleaner,
                 "4. \xE7\xBD\x91\xE9\xA1\xB5\xE6\x98\xBE\xE7\xA4\xBA "
                 "\"disconnected (1008): unauthorized: gateway token missing\"") ==
        "disconnected (1008): unauthorized: gateway token missing");
  // the same item nested in an issue form's steps keeps its indentation in the paste
  CHECK(quote_of(cleaner,
                 "   4. \xE7\xBD\x91\xE9\xA1\xB5\xE6\x98\xBE\xE7\xA4\xBA "
                 "\"disconnected (1008): unauthorized: gateway token missing\" ") ==
        "disconnected (1008): unauthorized: gateway token missing");
  CHECK(quote_of(cleaner, "  - the page shows \"disconnected (1008): pairing required\" again") ==
        "disconnected (1008): pairing required");
  CHECK(quote_of(cleaner, "1. then pm2 prints \"Error: listen EADDRINUSE :::3000\" twice") ==
        "Error: listen EADDRINUSE :::3000");
  // Markdown aligns an item's text after its marker; a version between the first words
  CHECK(
      quote_of(cleaner, "5.  The Control UI loads but shows **\"pairing required\"** and never") ==
      "pairing required");
  CHECK(quote_of(cleaner,
                 "OpenClaw 2026.2.2 Docker container fails with \"gateway.bind: Invalid "
                 "input\" at every start") == "gateway.bind: Invalid input");
  CHECK(quote_of(cleaner,
                 "Actual behavior: `Error: listen EADDRINUSE: address already in use "
                 ":::18789` at every start") ==
        "Error: listen EADDRINUSE: address already in use :::18789");
  // a sentence whose first word is a contraction, straight or curly apostrophe (node 0.10-0.12
  // net.js "listen EADDRINUSE" without a port; node 12-24 net.js ECONNREFUSED)
  CHECK(quote_of(cleaner,
                 "We're using http-proxy under PM2, but it keeps throwing `Error: listen "
                 "EADDRINUSE` errors.") == "Error: listen EADDRINUSE");
  CHECK(quote_of(cleaner,
                 "I\xE2\x80\x99m getting \"connect ECONNREFUSED 127.0.0.1:27017\" from the "
                 "app container") == "connect ECONNREFUSED 127.0.0.1:27017");
}

TEST_CASE("quotes that are no error in prose stay where they are", "[paste]") {
  PasteCleaner cleaner;
  for (std::string_view line : {
           // a log's own field, a syslog line, a tag: the line is a record, not a sentence
           "run started prompt=\"pm2 says App [api:0] exited with code [1] via signal [SIGINT]\"",
           "Mar 06 02:30:04 c1 app[7]: replaying \"connect ECONNREFUSED 127.0.0.1:5432\" now",
           "openclaw[812]: agent said \"connect ECONNREFUSED 127.0.0.1:5432\" to the user",
           // short, blank-less, unclosed, the whole line (unwrapped by strip_code_span)
           "Run `pm2 logs` to check, or see `~/.openclaw/openclaw.json` first",
           "I get \"EADDRINUSE\" sometimes",
           "\"a whole quoted line\" and then more words after it",
           "\"why is it Temporary failure in name resolution\"?",
           "the span `never closes here at all, so nothing comes of it",
           "a quote glued\"connect ECONNREFUSED 127.0.0.1:5432\" is no quote",
           // a question about the line, not a report of it
           "why does `FATAL ERROR: Reached heap limit` mean the heap is full? ",
           // apostrophes are no quotes: inside a word, after one, or before a blank
           "I don't know why it's failing, and the users' home folders can't be read either",
           // an apostrophe that ends no contraction: a possessive word or a name is no sentence's
           // start (a tag, a quoted key)
           "users' `connect ECONNREFUSED 127.0.0.1:5432` here",
           "O'Reilly `connect ECONNREFUSED 127.0.0.1:5432` here",
           "the admins' and the users' settings differ in every single way",
           "He said ' not a quote at all ' there and left",
           // a record's field in single quotes, a question about a quoted line
           "run started msg='connect ECONNREFUSED 127.0.0.1:5432' now",
           "what does 'Out of memory: Killed process 4242 (node)' mean?",
           // globs and arithmetic are no emphasis; nor is a run of three
           "Then ls *.log and *.txt files in the folder of the app, twice",
           "The size is 4 * 1024 * 1024 bytes for each of the workers in it",
           "It said ***Error: connect ETIMEDOUT 10.0.0.5:3306*** once",
           // a level or an error class is no label: the line is a record
           "Error: see `openclaw gateway status --deep` for the details",
           "TypeError: cannot read `foo bar baz qux` of undefined",
           "Fatal: retry with \"openclaw gateway restart\" later",
           "WARN: the span `openclaw doctor --fix` is a hint",
           // an indented line that is no list item: a stack frame, a record's continuation
           "    at Object.handler \"connect ECONNREFUSED 127.0.0.1:5432\" (/srv/app/db.js:12:5)",
           "      reason \"connect ECONNREFUSED 127.0.0.1:5432\" from the pool",
           // a level, a number and a word are a log's own line, not a sentence
           "INFO 1 replaying \"connect ECONNREFUSED 127.0.0.1:5432\" now",
           // a capitalised level is no name (go-sql-driver/mysql before 1.7: "Error %d: %s")
           "Error 1064: You have an error in your SQL syntax; check the manual that corresponds "
           "to your MySQL server version for the right syntax to use near 'FROM sessions WHERE "
           "id' at line 1",
           "Jun 30 13:25:13 replaying \"connect ECONNREFUSED 127.0.0.1:5432\" now",
           // an installer's check mark is no word
           "\xE2\x9C\x93 Run `openclaw onboard --install-daemon` next time",
       }) {
    INFO(line);
    cleaner.clean(line);
    CHECK_FALSE(cleaner.next_glued());
  }
  // inside a code fence a quote is the log's own text
  cleaner.clean("```");
  cleaner.clean("The gateway died with `FATAL ERROR: Reached heap limit Allocation failed`");
  CHECK_FALSE(cleaner.next_glued());
}

TEST_CASE("a quoted error the sentence says is over is no record, and leaves the sentence",
          "[paste]") {
  PasteCleaner cleaner;
  // node 12-24 net.js EADDRINUSE, systemd 219-256 "Start request repeated too quickly", V8's
  // heap abort: quoted in a report that says they stopped (the words next to the quote)
  for (std::string_view line : {
           "After the upgrade there is no more `Error: listen EADDRINUSE: address already in "
           "use :::3000` and the bot works.",
           "I no longer get \"Start request repeated too quickly\" after fixing the path.",
           "Since Monday there is NO MORE `FATAL ERROR: Reached heap limit` in the log, thanks",
           "Since the swap file I don't see `FATAL ERROR: Reached heap limit` anymore, thanks",
           "Good news: the \"connect ECONNREFUSED 127.0.0.1:5432\" errors went away after it.",
           "Update: the `Error: listen EADDRINUSE :::3000` error has been fixed by the restart",
           // a how-to's case, not a report (openclaw 2026.9.6 "Gateway not reachable at ..."
           // would be the line; the node error stands in for it here)
           "Note that if you see \"connect ECONNREFUSED 127.0.0.1:5432\", start the db first.",
       }) {
    INFO(line);
    const auto cleaned = cleaner.clean(line);
    CHECK_FALSE(cleaner.next_glued());
    // the sentence no longer holds the error it denies, so no rule reads it there
    CHECK(cleaned.text.find("EADDRINUSE") == std::string_view::npos);
    CHECK(cleaned.text.find("repeated too quickly") == std::string_view::npos);
    CHECK(cleaned.text.find("heap limit") == std::string_view::npos);
    CHECK(cleaned.text.find("ECONNREFUSED") == std::string_view::npos);
    CHECK(cleaned.changed);
  }
  // the same words further from the quote, or saying something else stopped: a report
  for (std::string_view line : {
           "I have no more ideas, it still says `Error: listen EADDRINUSE: address already in "
           "use :::3000`",
           "It prints `Error: listen EADDRINUSE: address already in use :::3000` and no longer "
           "starts.",
           "We get \"connect ECONNREFUSED 127.0.0.1:5432\" and then the bot does not reply to "
           "anyone anymore.",
       }) {
    INFO(line);
    cleaner.clean(line);
    CHECK(cleaner.next_glued());
  }
  // a line in a code fence is the log's own text, whatever its words
  cleaner.clean("```");
  const auto fenced = cleaner.clean("no more `Error: listen EADDRINUSE :::3000` retries left");
  CHECK(fenced.text.find("EADDRINUSE") != std::string_view::npos);
}

TEST_CASE("full-width punctuation typed on a CJK keyboard is folded to ASCII",
          "[paste][fullwidth]") {
  // A log line retyped (or annotated) on a Chinese/Japanese keyboard: "：" "（" "）" "，" and
  // the ideographic space where the program printed ASCII.
  const auto out = clean_all(
      "Gateway start blocked\xEF\xBC\x9A set gateway.mode=local \xEF\xBC\x88"
      "current\xEF\xBC\x9A unset\xEF\xBC\x89\xE3\x80\x80or pass --allow-unconfigured");
  REQUIRE(out.size() == 1);
  CHECK(out[0].kind == Kind::text);
  CHECK(out[0].changed);
  CHECK(out[0].text ==
        "Gateway start blocked: set gateway.mode=local (current: unset) or pass "
        "--allow-unconfigured");
}

TEST_CASE("full-width folding keeps CJK text, other symbols and invalid UTF-8 as they are",
          "[paste][fullwidth]") {
  // "网关" (CJK), U+FF61 (half-width ideographic full stop, EF BD A1: outside the folded
  // range), a lone 0xEF, a cut sequence at the end.
  const std::string line = "\xE7\xBD\x91\xE5\x85\xB3 error \xEF\xBD\xA1 \xEF x\xEF\xBC";
  const auto out = clean_all(line);
  REQUIRE(out.size() == 1);
  CHECK(out[0].text == line);
  CHECK_FALSE(out[0].changed);
  // A full-width letter and digit fold too (U+FF21 'A', U+FF10 '0'), inside a quoted paste.
  const auto quoted = clean_all("> status\xEF\xBC\x9D\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x93/EXEC");
  REQUIRE(quoted.size() == 1);
  CHECK(quoted[0].text == "status=203/EXEC");
}

TEST_CASE("a Markdown indented code block loses its four columns, a log's own indent stays",
          "[paste]") {
  // An issue pasted the way older GitHub, forums and mail do it: prose, a blank line, then the
  // log indented by four spaces (a pm2 0.x-era `pm2 logs` excerpt and a Node 6 crash).
  const auto cleaned = clean_all(
      "My app keeps restarting:\n"
      "\n"
      "    PM2: 2014-11-24 10:11:42: App name:api id:0 exited with code 1\n"
      "    PM2: 2014-11-24 10:11:42: Script /srv/api/app.js had too many unstable restarts (15)\n"
      "    \n"
      "    events.js:160\n"
      "          throw er; // Unhandled 'error' event\n"
      "          ^\n"
      "\n"
      "    Error: listen EADDRINUSE :::3000\n"
      "        at Object.exports._errnoException (util.js:1022:11)\n"
      "Any idea?");
  const auto texts = texts_of(cleaned);
  CHECK(contains(texts, "PM2: 2014-11-24 10:11:42: App name:api id:0 exited with code 1"));
  CHECK(contains(texts, "events.js:160"));
  CHECK(contains(texts, "      throw er; // Unhandled 'error' event"));  // deeper: keeps the rest
  CHECK(contains(texts, "Error: listen EADDRINUSE :::3000"));
  CHECK(contains(texts, "    at Object.exports._errnoException (util.js:1022:11)"));
  CHECK(contains(texts, "Any idea?"));  // less indented: the block ended
  // The blank line inside the block ("    ") comes out empty, as Markdown renders it.
  REQUIRE(cleaned.size() == 12);
  CHECK(cleaned[4].kind == Kind::text);
  CHECK(cleaned[4].text.empty());
}

TEST_CASE("indented lines that follow a log line are its continuation, not a code block",
          "[paste]") {
  // Node 20's EADDRINUSE report and a systemctl status block: their indented lines follow the
  // line they belong to, so nothing is removed; inside a fence indentation is literal too.
  const auto texts = texts_of(
      clean_all("Error: listen EADDRINUSE: address already in use 127.0.0.1:18789\n"
                "    at Server.setupListenHandle [as _listen2] (node:net:1817:16)\n"
                "● openclaw-gateway.service - OpenClaw Gateway\n"
                "     Loaded: loaded (/etc/systemd/system/openclaw-gateway.service; enabled)\n"
                "```\n"
                "\n"
                "    at listenInCluster (node:net:1865:12)\n"
                "```"));
  CHECK(contains(texts, "    at Server.setupListenHandle [as _listen2] (node:net:1817:16)"));
  CHECK(contains(texts,
                 "     Loaded: loaded (/etc/systemd/system/openclaw-gateway.service; enabled)"));
  CHECK(contains(texts, "    at listenInCluster (node:net:1865:12)"));
}

TEST_CASE("a line of blanks is an empty line", "[paste]") {
  PasteCleaner cleaner;
  for (std::string_view blank : {"   ", "\t", " \t ", "  \r"}) {
    const auto r = cleaner.clean(blank);
    INFO('"' << blank << '"');
    CHECK(r.kind == Kind::text);
    CHECK(r.text.empty());
    CHECK(r.changed);
  }
  const auto r = cleaner.clean("");
  CHECK(r.text.empty());
  CHECK_FALSE(r.changed);
}

TEST_CASE("a Markdown indented code block loses its four spaces, and only those", "[paste]") {
  // Flowise #4769-like: prose, a blank line, the V8 line indented as a code block
  const auto cleaned = clean_all(
      "it reports the following error:\n"
      "\n"
      "    FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n"
      "    Error: listen EADDRINUSE: address already in use :::3000\n"
      "        at Server.setupListenHandle [as _listen2] (net.js:1313:16)\n"
      "\n"
      "\tScript /srv/app/app.js had too many unstable restarts (15). Stopped.\n"
      "and then nothing");
  REQUIRE(cleaned.size() == 8);
  CHECK(cleaned[2].text ==
        "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory");
  CHECK(cleaned[2].changed);
  CHECK(cleaned[3].text == "Error: listen EADDRINUSE: address already in use :::3000");
  // a frame keeps its own indentation beyond the block's
  CHECK(cleaned[4].text == "    at Server.setupListenHandle [as _listen2] (net.js:1313:16)");
  // a blank line inside the block does not end it; a tab is the same indentation
  CHECK(cleaned[6].text == "Script /srv/app/app.js had too many unstable restarts (15). Stopped.");
  CHECK(cleaned[7].text == "and then nothing");
  CHECK_FALSE(cleaned[7].changed);
}

TEST_CASE("indentation without a blank line before it is not a code block", "[paste]") {
  // a stack trace under its error, and a paste that starts indented (systemctl status middle)
  const auto trace = clean_all(
      "Error: listen EADDRINUSE: address already in use :::3000\n"
      "    at Server.setupListenHandle [as _listen2] (net.js:1313:16)");
  CHECK(trace[1].text == "    at Server.setupListenHandle [as _listen2] (net.js:1313:16)");
  const auto status = clean_all(
      "     Active: failed (Result: exit-code) since Thu 2024-08-01 22:02:23 CEST; 47s ago\n"
      "   Main PID: 1096 (code=exited, status=1/FAILURE)");
  CHECK(status[0].text ==
        "     Active: failed (Result: exit-code) since Thu 2024-08-01 22:02:23 CEST; 47s ago");
  // the block ends at the first line that is not indented
  const auto after = clean_all("x\n\n    a\nb\n    c");
  CHECK(after[2].text == "a");
  CHECK(after[4].text == "    c");
  // inside a fence, indentation is the log's own
  const auto fenced = clean_all("```\n\n    literal\n```");
  CHECK(fenced[2].text == "    literal");
}

TEST_CASE("terminal colours pasted as HTML lose their inline tags and entities", "[paste][html]") {
  // `systemctl --type=service` copied from a terminal as HTML (aha / a terminal's "copy as
  // HTML", systemd 252): the failed rows are red <span>s with <b>, the header is underlined.
  const auto out = clean_all(
      "<pre><u style=\"text-decoration-style:single\">  UNIT          LOAD   ACTIVE SUB     "
      "DESCRIPTION</u>\n"
      "  dbus.service  loaded active running D-Bus System Message Bus\n"
      "<span style=\"color:#CD0000\"><b>\xE2\x97\x8F systemd-hostnamed.service </b></span>loaded "
      "<span style=\"color:#CD0000\"><b>failed failed  </b></span>Hostname Service\n"
      "<span class=\"ansi1 ansi31\">error:</span> x &lt;y&gt; &amp; &quot;z&quot; it&#39;s\n"
      "</pre>");
  REQUIRE(out.size() == 5);
  CHECK(out[0].text == "  UNIT          LOAD   ACTIVE SUB     DESCRIPTION");
  CHECK(out[0].changed);
  CHECK(out[1].text == "  dbus.service  loaded active running D-Bus System Message Bus");
  CHECK_FALSE(out[1].changed);
  CHECK(out[2].text ==
        "\xE2\x97\x8F systemd-hostnamed.service loaded failed failed  Hostname Service");
  CHECK(out[3].text == "error: x <y> & \"z\" it's");
  CHECK(out[4].text.empty());
}

TEST_CASE("a line pasted in a GitHub comment as HTML code loses the tags", "[paste][html]") {
  // "<code>LINE</code>" for one line, "<p><pre>" opening a block inside <details>: the text
  // between the tags is the line the program printed.
  const auto out = clean_all(
      "<code>/usr/local/bin/backup.sh: line 12: mpack: command not found</code>\n"
      "<p><pre> 20190202-032624: DBG              -- Result 1\n"
      "  <CODE>x &amp; y</CODE>  \n"
      "see <code>crontab -l</code> for the entry");
  REQUIRE(out.size() == 4);
  CHECK(out[0].text == "/usr/local/bin/backup.sh: line 12: mpack: command not found");
  CHECK(out[0].changed);
  CHECK(out[1].text == " 20190202-032624: DBG              -- Result 1");
  CHECK(out[2].text == "  x & y  ");
  // code inside prose (not opening the line) is left to the Markdown rules
  CHECK(out[3].text == "see <code>crontab -l</code> for the entry");
  CHECK_FALSE(out[3].changed);
  // an unclosed <code> at the start is not a wrapped line
  // the tags in any case, as an editor may type them
  const auto upper = clean_all("<CODE>sh: 1: node: not found</Code>");
  REQUIRE(upper.size() == 1);
  CHECK(upper[0].text == "sh: 1: node: not found");
  const auto open = clean_all("<code>never closed");
  REQUIRE(open.size() == 1);
  CHECK(open[0].text == "<code>never closed");
}

TEST_CASE("HTML that a program logged is not terminal colour markup and stays", "[paste][html]") {
  // nginx's error page body, a template in a log, a generic in a C++ message, a bold tag in
  // prose: none holds a colour span or opens a <pre> block, so nothing is removed.
  for (const std::string line :
       {"<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad "
        "Gateway</h1></center>",
        "render error in <b>{{ title }}</b> &amp; friends",
        "std::vector<int> v; a <span>plain</span>? no: x < y > z",
        "error: expected ';' before '<' token"}) {
    const auto out = clean_all(line);
    REQUIRE(out.size() == 1);
    INFO(line);
    if (line.find("</span>") == std::string::npos) {
      CHECK(out[0].text == line);
      CHECK_FALSE(out[0].changed);
    }
  }
  // A span closed on a line that opens none is a converter's span from the line above: its
  // tags go, "<int>" and "x < y" stay.
  const auto spans = clean_all("std::vector<int> v; a plain</span>? no: x < y > z");
  REQUIRE(spans.size() == 1);
  CHECK(spans[0].text == "std::vector<int> v; a plain? no: x < y > z");
  // A page's own span (Cloudflare's error page, a bare <span>) is no colour: the line stays.
  for (const std::string line :
       {"<span class=\"code-label\">Error code 522</span></h1>", "a <span>plain</span> word"}) {
    INFO(line);
    const auto page = clean_all(line);
    REQUIRE(page.size() == 1);
    CHECK(page[0].text == line);
  }
  // ansi2html's and ansi_up's colour classes are colours
  const auto classes = clean_all("<span class=\"ansi-red-fg\">error:</span> boom");
  REQUIRE(classes.size() == 1);
  CHECK(classes[0].text == "error: boom");
  // A cut tag at the end of the line, and a long attribute, are kept as text.
  const auto cut = clean_all("<span style=\"color:red\">failed</span> <span style=\"col");
  REQUIRE(cut.size() == 1);
  CHECK(cut[0].text == "failed <span style=\"col");
}
