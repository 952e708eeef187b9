// Pins that text from logs is never replayed raw to a terminal.

#include <catch2/catch.hpp>

#include "terminal_text.hpp"

using logdx::cli::terminal_safe;

TEST_CASE("escape sequences and control characters are made visible", "[terminal]") {
  CHECK(terminal_safe("\x1b]0;pwned\x07title") == "\\e]0;pwned\\x07title");
  CHECK(terminal_safe("a\rb") == "a\\x0db");
  CHECK(terminal_safe("tab\tstays") == "tab\tstays");
  CHECK(terminal_safe("line\nbreak") == "line\\x0abreak");
  CHECK(terminal_safe("line\nbreak", true) == "line\nbreak");
  CHECK(terminal_safe("\xc2\x9b" "31m") == "\\u009b31m");  // C1 CSI as UTF-8
  CHECK(terminal_safe("caf\xc3\xa9") == "caf\xc3\xa9");
}
