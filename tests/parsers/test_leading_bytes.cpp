// The first-byte gate of a declared line format read from its pattern's text
// (formats/leading_bytes.hpp): what it follows, where it gives up (every byte), and that it
// never refuses a byte RE2 would match with: every byte outside the set is tried as the first
// byte of lines the pattern matches, and RE2 must refuse each.
#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "formats/leading_bytes.hpp"

using logdx::formats::ByteSet;
using logdx::formats::leading_bytes;

namespace {

std::string members(const ByteSet& set) {
  std::string out;
  for (unsigned c = 0; c < 256; ++c) {
    if (set[c]) out.push_back(static_cast<char>(c));
  }
  return out;
}

bool anchored_match(const std::string& regex, const std::string& line) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  const RE2 re(regex, options);
  REQUIRE(re.ok());
  return re.Match(line, 0, line.size(), RE2::ANCHOR_START, nullptr, 0);
}

}  // namespace

TEST_CASE("leading bytes follow a required first atom", "[formats]") {
  CHECK(members(leading_bytes(R"(\[(?P<time>\d{4})\] (?P<message>.*))")) == "[");
  CHECK(members(leading_bytes(R"((?P<time>\d\d:\d\d:\d\d) (?P<message>.*))")) == "0123456789");
  CHECK(members(leading_bytes(R"((?P<process>[A-Za-z][\w.-]{0,47})\[(?P<pid>\d+)\])")) ==
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
  CHECK(members(leading_bytes(R"(\|\s*(?P<message>.*))")) == "|");
  CHECK(members(leading_bytes(R"(^(?:(?P<host>[a-c])x)+ (?P<message>.*))")) == "abc");
  CHECK(members(leading_bytes(R"(level=(?P<message>.*))")) == "l");
  // An optional first atom adds what may follow it.
  CHECK(members(leading_bytes(R"re((?:time="(?P<time>[^"]+)" )?level=(?P<message>.*))re")) == "lt");
  CHECK(members(leading_bytes(R"(\d*?[a-b]{0,2}x(?P<message>.*))")) == "0123456789abx");
  CHECK(members(leading_bytes(R"([]x-z](?P<message>.*))")) == "]xyz");
  CHECK(members(leading_bytes(R"(\d{2}(?P<message>.*))")) == "0123456789");
  CHECK(leading_bytes(R"([^)](?P<message>.*))").count() == 255);
  CHECK_FALSE(leading_bytes(R"([^)](?P<message>.*))")[')']);
}

TEST_CASE("leading bytes give up where the first byte is not plain", "[formats]") {
  for (const char* regex : {
           R"(a|b(?P<message>.*))",      // alternation on top
           R"((?:a|b)(?P<message>.*))",  // alternation in the group
           R"(x?(?P<message>.*))", R"(x*(?P<message>.*))", R"(x{0,3}(?P<message>.*))",
           R"(.(?P<message>.*))", R"((?i)x(?P<message>.*))", R"(\x41(?P<message>.*))",
           R"([[:alpha:]](?P<message>.*))", R"((?P<message>.*))", R"()", R"(\pL(?P<message>.*))",
           R"([a-\d](?P<message>.*))",  // a range to an escape: not followed
       }) {
    INFO(regex);
    CHECK(leading_bytes(regex).all());
  }
}

TEST_CASE("a byte outside the leading set never starts a match", "[formats]") {
  const std::vector<std::pair<std::string, std::string>> formats = {
      {R"(\[(?P<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,6})?)\] \[(?P<level>[A-Za-z]+)\] *(?P<message>.*))",
       "[2026-03-23 14:57:06.458] [warn]  System proxy mode enabled"},
      {R"((?P<time>\d\d:\d\d:\d\d) (?P<process>[A-Za-z0-9][\w.@-]{0,63}) *\| ?(?P<message>.*))",
       "14:03:11 web.1  | listening on 3000"},
      {R"((?P<process>[A-Za-z][\w.@/-]{0,47})\[(?P<pid>\d{1,10})\]: (?P<message>.*))",
       "gateway[812]: ready"},
      {R"(\|\s*(?P<time>\d{4}-\d\d-\d\d)\s*\|\s*(?P<message>.*?)\s*\|?\s*$)",
       "| 2026-03-23 | boot |"},
      {R"([^|\s](?P<message>.*))", "x anything"},
      {R"re((?:time="(?P<time>[^"]+)" )?level=(?P<level>[a-z]+) msg="(?P<message>[^"]*)")re",
       R"(level=error msg="dial tcp: timeout")"},
      {R"(\d*?[a-b]{0,2}x(?P<message>.*))", "12bx rest"},
  };
  for (const auto& [regex, line] : formats) {
    INFO(regex);
    REQUIRE(anchored_match(regex, line));
    const ByteSet leading = leading_bytes(regex);
    CHECK(leading[static_cast<unsigned char>(line.front())]);
    for (unsigned c = 0; c < 256; ++c) {
      if (leading[c]) continue;
      std::string changed = line;
      changed.front() = static_cast<char>(c);
      INFO("first byte " << c);
      CHECK_FALSE(anchored_match(regex, changed));
    }
  }
}

TEST_CASE("required bytes are a pattern's longest run of top-level literals", "[formats]") {
  using logdx::formats::required_literal;
  CHECK(required_literal(
            R"((?P<process>[A-Za-z][\w.@/-]{0,47})\[(?P<pid>\d{1,10})\]: (?P<message>.*))") ==
        "]: ");
  CHECK(required_literal(
            R"re((?:time="(?P<time>[^"]+)" )?level=(?P<level>[a-z]+) msg="(?P<message>.*))re") ==
        "level=");
  CHECK(required_literal(R"(\[\d{1,7}\] ?(?P<message>.*))") == "[");  // the first of equals
  // A quantified literal is not required in a row with its neighbours.
  CHECK(required_literal(R"(ab+c(?P<message>.*))") == "a");
  CHECK(required_literal(R"(abx?yz(?P<message>.*))") == "ab");
  // Escaped punctuation is itself; anchors and '.' break a run.
  CHECK(required_literal(R"(^x\.y\|z.w(?P<message>.*)$)") == "x.y|z");
}

TEST_CASE("required bytes give up where the reading cannot follow", "[formats]") {
  using logdx::formats::required_literal;
  for (const char* regex : {
           R"(abc|def(?P<message>.*))",     // alternation on top: no run is required
           R"((?i)level=(?P<message>.*))",  // case folded: "LEVEL=" matches too
           R"(\x41(?P<message>.*))",
           R"(\pL(?P<message>.*))",
           R"((?P<message>.*))",
           R"(é(?P<message>.*))",
       }) {
    INFO(regex);
    CHECK(required_literal(regex).empty());
  }
  // What comes before a flag is still required; what comes after is not.
  CHECK(required_literal(R"(id: (?i)level=(?P<message>.*))") == "id: ");
}

TEST_CASE("every line a pattern matches holds its required bytes", "[formats]") {
  using logdx::formats::required_literal;
  const std::vector<std::pair<std::string, std::vector<std::string>>> formats = {
      {R"((?P<process>[A-Za-z][\w.@/-]{0,47})\[(?P<pid>\d{1,10})\]: (?P<message>.*))",
       {"gateway[812]: ready", "a[1]: ", "sshd@x/y[22]: Accepted"}},
      {R"re((?:time="(?P<time>[^"]+)" )?level=(?P<level>[a-z]+) msg="(?P<message>.*))re",
       {R"(level=error msg="dial tcp: timeout")", R"(time="2026-01-01" level=info msg="x)"}},
      {R"(ab+c(?P<message>.*))", {"abc", "abbbbc rest"}},
      {R"(abx?yz(?P<message>.*))", {"abyz", "abxyz"}},
  };
  for (const auto& [regex, lines] : formats) {
    const std::string required = required_literal(regex);
    INFO(regex);
    CHECK_FALSE(required.empty());
    for (const std::string& line : lines) {
      INFO(line);
      REQUIRE(anchored_match(regex, line));
      CHECK(line.find(required) != std::string::npos);
      // Without them the pattern never matches: each byte of the run matters.
      for (std::size_t at = line.find(required); at < line.find(required) + required.size(); ++at) {
        std::string broken = line;
        broken.erase(at, 1);
        if (broken.find(required) == std::string::npos) CHECK_FALSE(anchored_match(regex, broken));
      }
    }
  }
}
