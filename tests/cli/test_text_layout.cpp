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
