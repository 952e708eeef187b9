// Small text scanners the engine shares between its parts: the end of a regex character class
// (named groups, the prefilter's literal core and relaxed patterns all skip classes the same
// way) and one line of a record's text (the decisive line, and every printer of evidence).
#include <catch2/catch.hpp>
#include <string_view>

#include "logdx/engine/record_lines.hpp"
#include "prefilter/relax_pattern.hpp"
#include "regex_syntax/character_class.hpp"
#include "rules/named_groups.hpp"

namespace logdx {
namespace {

constexpr std::size_t npos = std::string_view::npos;

std::size_t class_end(std::string_view p) { return regex_syntax::character_class_end(p, 0); }

}  // namespace

TEST_CASE("a character class ends where RE2 ends it", "[regex_syntax]") {
  CHECK(class_end("[abc]x") == 5);
  CHECK(class_end("[]a]x") == 4);     // a leading ']' is a member
  CHECK(class_end("[^]a]x") == 5);    // so is one after '^'
  CHECK(class_end(R"([\]]x)") == 4);  // an escaped ']' does not close
  CHECK(class_end("[[:alpha:]_]x") == 12);
  CHECK(class_end("[[:x]y") == 5);  // '[:' with no ':]' is a plain '[' member
}

TEST_CASE("an unterminated character class is npos, and every scanner stops on it",
          "[regex_syntax]") {
  CHECK(class_end("[abc") == npos);
  CHECK(class_end("[") == npos);
  CHECK(class_end("[^") == npos);
  CHECK(class_end(R"([a\)") == npos);  // a trailing backslash
  CHECK(class_end("[[:alpha:]") == npos);
  // The named-group scan ends at such a class instead of reading a name inside it.
  CHECK(rules::named_groups(R"((?P<a>x)[(?P<b>y))").size() == 1);
  // Relaxing copies what is left as it is (RE2 will refuse it with its own message).
  const auto relaxed = prefilter::relax_pattern("^x[ab");
  REQUIRE(relaxed.pattern);
  CHECK(*relaxed.pattern == "x[ab");
}

TEST_CASE("a group name inside a class is not a group", "[regex_syntax]") {
  CHECK(rules::named_groups(R"([(?P<no>])(?P<yes>\d+))") == std::vector<std::string>{"yes"});
}

TEST_CASE("nth_line picks one line of a record", "[record_lines]") {
  CHECK(engine::nth_line("a\nbb\nccc", 0) == "a");
  CHECK(engine::nth_line("a\nbb\nccc", 1) == "bb");
  CHECK(engine::nth_line("a\nbb\nccc", 2) == "ccc");
  CHECK(engine::nth_line("a\nbb\nccc", 3).empty());
  CHECK(engine::nth_line("one", 0) == "one");
  CHECK(engine::nth_line("ends\n", 1).empty());
  CHECK(engine::nth_line("", 0).empty());
}

}  // namespace logdx
