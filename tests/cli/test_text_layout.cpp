// Width-aware text: prose wrapped at spaces, long lines cut, widths in characters.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>

#include "text_layout.hpp"

using namespace logdx::cli;

TEST_CASE("prose wraps at spaces with a hanging indent", "[layout]") {
  CHECK(wrap("the gateway refuses to start", 20, "Root: ", "  ") ==
        "Root: the gateway\n  refuses to start\n");
  CHECK(wrap("short", 80, "- ", "  ") == "- short\n");
}

TEST_CASE("width 0 keeps a line whole; a long word is never split", "[layout]") {
  CHECK(wrap("a  b c", 0, "", "") == "a  b c\n");
  CHECK(wrap("see /a/very/long/path/that/does/not/fit", 12, "", "  ") ==
        "see\n  /a/very/long/path/that/does/not/fit\n");
}

TEST_CASE("cut counts characters, not bytes", "[layout]") {
  CHECK(display_width("caf\xc3\xa9") == 4);
  CHECK(cut("caf\xc3\xa9 au lait", 7) == "caf\xc3\xa9...");
  CHECK(cut("short", 10) == "short");
  CHECK(cut("anything", 0) == "anything");
}

TEST_CASE("COLUMNS sets the width; nonsense is ignored", "[layout]") {
  const char* saved = std::getenv("COLUMNS");
  const std::string keep = saved == nullptr ? "" : saved;
  setenv("COLUMNS", "72", 1);
  CHECK(output_width(-1) == 72);
  setenv("COLUMNS", "wide", 1);
  CHECK(output_width(-1) == 0);  // not a tty either
  setenv("COLUMNS", "5", 1);
  CHECK(output_width(-1) == 0);
  if (saved == nullptr)
    unsetenv("COLUMNS");
  else
    setenv("COLUMNS", keep.c_str(), 1);
}

// A syslog line around a gateway console line: two stamps, a host, a process and its pid.
constexpr std::string_view kEnvelope =
    "2026-03-05T18:41:13+0000 oc-gw-01 node[812]: 2026-03-05T18:41:13.650+00:00 [gateway] ";
constexpr std::string_view kMessage =
    "Gateway failed to start: another gateway instance is already listening on "
    "ws://127.0.0.1:18789";
constexpr std::string_view kTime = "2026-03-05T18:41:13.650+00:00";

TEST_CASE("a log line that fits is printed as written", "[layout]") {
  const std::string whole = std::string(kEnvelope) + std::string(kMessage);
  CHECK(fit_log_line(kEnvelope, kMessage, kTime, 0) == whole);
  CHECK(fit_log_line(kEnvelope, kMessage, kTime, whole.size()) == whole);
}

TEST_CASE("at any width the message is kept and the envelope shortened", "[layout]") {
  for (std::size_t width = 60; width < kEnvelope.size() + kMessage.size(); ++width) {
    INFO("width " << width);
    const std::string fitted = fit_log_line(kEnvelope, kMessage, kTime, width);
    CHECK(display_width(fitted) <= width);
    if (width >= kMessage.size() + 4) {
      CHECK(fitted.ends_with(kMessage));                    // the whole message, cut nowhere
      CHECK(fitted.find("oc-gw-01") == std::string::npos);  // the host went first
    }
  }
  // Room for the time: it stays, then the envelope's end that fits, then the message.
  const std::string roomy = fit_log_line(kEnvelope, kMessage, kTime, 150);
  CHECK(roomy == std::string(kTime) + " ... [gateway] " + std::string(kMessage));
}

TEST_CASE("a message longer than the line keeps its start, after the time", "[layout]") {
  const std::string narrow = fit_log_line(kEnvelope, kMessage, kTime, 70);
  CHECK(narrow.starts_with(std::string(kTime) + " ... Gateway failed to start"));
  CHECK(narrow.ends_with("..."));
  CHECK(display_width(narrow) == 70);
  // Too narrow for the time as well: only "..." stands for the envelope.
  const std::string tiny = fit_log_line(kEnvelope, kMessage, kTime, 40);
  CHECK(tiny.starts_with("... Gateway failed to start"));
  CHECK(display_width(tiny) == 40);
}

TEST_CASE("an unknown split cuts the line at its end; no time keeps only the end", "[layout]") {
  const std::string line = std::string(kEnvelope) + std::string(kMessage);
  CHECK(fit_log_line("", line, kTime, 50) == cut(line, 50));
  CHECK(fit_log_line(kEnvelope, kMessage, "", kMessage.size() + 14) ==
        "... [gateway] " + std::string(kMessage));
}


TEST_CASE("padding in an envelope is not kept as its end", "[layout]") {
  // PM2's `pm2 logs`: the app name padded to a column, then "| ".
  const std::string fitted =
      fit_log_line("2026-04-12-09:14:02 PM2                 | ", "App [openclaw-gateway:0] online",
                   "2026-04-12-09:14:02", 60);
  CHECK(fitted == "2026-04-12-09:14:02 ... | App [openclaw-gateway:0] online");
}
