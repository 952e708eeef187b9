// The inline searches the parsers' gates use on every line (core/ascii.hpp): they must agree
// with string_view's own starts_with and find on every placement, including a needle that
// starts with spaces (searched by its first other byte), at either end and overlapping.
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/ascii.hpp"

using logdx::has_prefix;
using logdx::holds_text;

TEST_CASE("holds_text finds what string_view::find finds", "[ascii]") {
  const std::vector<std::string> texts = {
      "",
      "-",
      " - ",
      "worker 3: processed batch 5 in 7ms - queue depth 2",
      "a-b - c",
      "--  - ",
      "Out of memory: Killed process 812 (node)",
      "zzz invoked oom-killer: gfp_mask=0x0",
      "  at Object.<anonymous> (/app/x.js:1:1)",
  };
  const std::vector<std::string> parts = {
      " - ", "-",   "oom", "invoked oom-killer:", "  at ", " ", "x", "Error", "a-b",
      "- c", "zzz", "  "};
  for (const std::string& text : texts) {
    for (const std::string& part : parts) {
      INFO('"' << text << "\" holds \"" << part << '"');
      CHECK(holds_text(text, part) == (std::string_view(text).find(part) != std::string::npos));
    }
  }
  CHECK(holds_text("anything", ""));
  CHECK_FALSE(holds_text("ab", "abc"));
}

TEST_CASE("has_prefix agrees with starts_with", "[ascii]") {
  for (const std::string_view text : {"", "P", "PM2 log: App", "PM2", "[PM2]"}) {
    for (const std::string_view prefix : {"", "PM2", "PM2 log: ", "[PM2]", "P"}) {
      INFO('"' << text << "\" starts with \"" << prefix << '"');
      CHECK(has_prefix(text, prefix) == text.starts_with(prefix));
    }
  }
}
