// Pins what counts as a binary input: the share of control bytes, not a single NUL, so the
// journal's export format (binary fields) and a log with a NUL run after a crash are read.

#include <catch2/catch.hpp>

#include "input/binary_sniff.hpp"
#include "parser_harness.hpp"

using logdx::input::looks_binary_bytes;

TEST_CASE("journal export with binary fields is text, random bytes are binary", "[input]") {
  const std::string export_log = logdx::testing::read_corpus_file("formats/journalctl-export.log");
  REQUIRE(export_log.find('\0') != std::string::npos);  // the sample really has binary bytes
  CHECK_FALSE(looks_binary_bytes(std::string_view(export_log).substr(0, 8192)));

  std::string random_bytes;
  std::uint32_t x = 2463534242u;  // xorshift: deterministic noise
  for (int i = 0; i < 8192; ++i) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    random_bytes.push_back(static_cast<char>(x & 0xff));
  }
  CHECK(looks_binary_bytes(random_bytes));
}

TEST_CASE("a text log with a short NUL run is text; ANSI colours are text", "[input]") {
  std::string log;
  for (int i = 0; i < 100; ++i) log += "Mar  5 08:20:25 vm node[1]: \x1b[31merror\x1b[0m line\n";
  log += std::string(16, '\0');
  CHECK_FALSE(looks_binary_bytes(log));
  CHECK(looks_binary_bytes(std::string(64, '\0')));
  CHECK_FALSE(looks_binary_bytes(""));
}
