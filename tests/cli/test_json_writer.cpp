// Pins the JSON the CLI prints: escapes, valid UTF-8 whatever the log held, structure.

#include <catch2/catch.hpp>

#include "json_writer.hpp"

using logdx::cli::JsonWriter;

namespace {

std::string quoted(std::string_view text) {
  std::string out;
  JsonWriter::append_string(out, text);
  return out;
}

}  // namespace

TEST_CASE("JSON strings escape quotes, backslashes and control characters", "[json]") {
  CHECK(quoted("plain text") == "\"plain text\"");
  CHECK(quoted("say \"hi\" \\ bye") == "\"say \\\"hi\\\" \\\\ bye\"");
  CHECK(quoted("a\nb\tc\rd") == "\"a\\nb\\tc\\rd\"");
  CHECK(quoted(std::string_view("\x1b[31mred\x00", 9)) == "\"\\u001b[31mred\\u0000\"");
  CHECK(quoted("\x7f") == "\"\\u007f\"");
}

TEST_CASE("valid UTF-8 is kept; each invalid byte becomes U+FFFD", "[json]") {
  CHECK(quoted("caf\xc3\xa9 \xe2\x94\x82 \xf0\x9f\x90\x9b") ==
        "\"caf\xc3\xa9 \xe2\x94\x82 \xf0\x9f\x90\x9b\"");
  CHECK(quoted("Latin-1 \xe9t\xe9") == "\"Latin-1 \xef\xbf\xbdt\xef\xbf\xbd\"");
  CHECK(quoted("\xc3") == "\"\xef\xbf\xbd\"");                   // truncated sequence
  CHECK(quoted("\xc0\xaf") == "\"\xef\xbf\xbd\xef\xbf\xbd\"");   // overlong '/'
  CHECK(quoted("\xed\xa0\x80") == "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");  // surrogate
}

TEST_CASE("objects and arrays get commas in the right places", "[json]") {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("a").value(std::int64_t{1});
  w.key("b").begin_array().value("x").value(true).null().end_array();
  w.key("c").begin_object().end_object();
  w.end_object();
  CHECK(out == R"({"a":1,"b":["x",true,null],"c":{}})");
}
