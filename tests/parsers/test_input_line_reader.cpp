// LineReader: splitting at block boundaries, offsets, CR kept, over-long lines cut into
// pieces and counted once, bounded memory on a line with no end.

#include <catch2/catch.hpp>

#include "input_test_support.hpp"
#include "logdx/parsers/line_reader.hpp"

namespace logdx {
namespace {

using testing::OwnedLine;
using testing::read_all_lines;
using testing::StringSource;

// The obvious, unbuffered definition the reader must agree with.
std::vector<OwnedLine> reference_lines(const std::string& text, std::size_t max_line,
                                       std::uint64_t& cut_lines) {
  std::vector<OwnedLine> lines;
  std::uint64_t number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    const std::size_t end = nl == std::string::npos ? text.size() : nl;
    ++number;
    const std::size_t length = end - pos;
    if (length <= max_line) {
      lines.push_back({text.substr(pos, length), number, pos, false});
    } else {
      ++cut_lines;
      for (std::size_t p = pos; p < end; p += max_line) {
        lines.push_back({text.substr(p, std::min(max_line, end - p)), number, p, true});
      }
    }
    pos = end + 1;
  }
  return lines;
}

std::string edge_text() {
  std::string text;
  // Lengths around the block size (7) and the line limit (16), empty lines, CR, exact multiples.
  for (std::size_t length : {0, 1, 6, 7, 8, 13, 14, 15, 16, 17, 18, 31, 32, 33, 48, 49, 0, 0, 5}) {
    for (std::size_t i = 0; i < length; ++i) text.push_back(static_cast<char>('a' + (i % 26)));
    text += (length % 3 == 0) ? "\r\n" : "\n";
  }
  return text;
}

TEST_CASE("line reader matches the reference split at every block and chunk boundary", "[input]") {
  const std::string base = edge_text();
  for (const std::string& text :
       {base, base + "tail-without-newline", base + std::string(40, 'z')}) {
    std::uint64_t expected_cut = 0;
    const auto expected = reference_lines(text, 16, expected_cut);
    for (std::size_t chunk = 1; chunk <= 9; ++chunk) {
      StringSource source(text, chunk);
      LineReader reader(source, 16, 7);
      INFO("chunk " << chunk);
      REQUIRE(read_all_lines(reader) == expected);
      CHECK(reader.lines_cut() == expected_cut);
      CHECK(reader.bytes_read() == text.size());
      CHECK(source.largest_request <= 16 + 7);
    }
  }
}

TEST_CASE("line reader gives exact numbers and byte offsets across refills", "[input]") {
  StringSource source("first\nsecond line\n\nx\nlast-no-newline", 3);
  LineReader reader(source, 16, 7);
  const std::vector<OwnedLine> expected{{"first", 1, 0, false},
                                        {"second line", 2, 6, false},
                                        {"", 3, 18, false},
                                        {"x", 4, 19, false},
                                        {"last-no-newline", 5, 21, false}};
  CHECK(read_all_lines(reader) == expected);
}

TEST_CASE("line reader keeps CR and adds no empty line after a final newline", "[input]") {
  StringSource source("a\r\nb\r\n");
  LineReader reader(source, 16, 7);
  const std::vector<OwnedLine> expected{{"a\r", 1, 0, false}, {"b\r", 2, 3, false}};
  CHECK(read_all_lines(reader) == expected);
}

TEST_CASE("line reader reads no line from an empty input", "[input]") {
  StringSource source("");
  LineReader reader(source, 16, 7);
  Line line;
  CHECK_FALSE(reader.next(line));
  CHECK_FALSE(reader.next(line));  // stays at the end
  CHECK(reader.bytes_read() == 0);
}

TEST_CASE("line reader cuts an over-long line into pieces and counts it once", "[input]") {
  const std::string long_line(40, 'L');
  StringSource source("short\n" + long_line + "\nafter\n", 5);
  LineReader reader(source, 16, 7);
  const std::vector<OwnedLine> expected{{"short", 1, 0, false},
                                        {std::string(16, 'L'), 2, 6, true},
                                        {std::string(16, 'L'), 2, 22, true},
                                        {std::string(8, 'L'), 2, 38, true},
                                        {"after", 3, 47, false}};
  CHECK(read_all_lines(reader) == expected);
  CHECK(reader.lines_cut() == 1);
}

TEST_CASE("line reader does not cut a line of exactly the limit", "[input]") {
  StringSource source(std::string(16, 'x') + "\n" + std::string(16, 'y'), 7);
  LineReader reader(source, 16, 7);
  const auto lines = read_all_lines(reader);
  REQUIRE(lines.size() == 2);
  CHECK_FALSE(lines[0].cut);
  CHECK_FALSE(lines[1].cut);
  CHECK(lines[1].byte_offset == 17);
  CHECK(reader.lines_cut() == 0);
}

TEST_CASE("line reader reads a 50 MB line without newline in bounded memory", "[input]") {
  constexpr std::uint64_t kSize = 50ull * 1000 * 1000;
  constexpr std::size_t kMaxLine = 64 * 1024;
  constexpr std::size_t kBlock = 256 * 1024;
  testing::RepeatSource source(kSize, 'q');
  LineReader reader(source, kMaxLine, kBlock);
  Line line;
  std::uint64_t pieces = 0;
  std::uint64_t total = 0;
  const char* lowest = nullptr;
  const char* highest = nullptr;
  bool all_cut = true;
  bool one_line = true;
  while (reader.next(line)) {
    ++pieces;
    total += line.text.size();
    all_cut = all_cut && line.cut;
    one_line = one_line && line.number == 1 && line.byte_offset == (pieces - 1) * kMaxLine;
    if (lowest == nullptr || line.text.data() < lowest) lowest = line.text.data();
    if (highest == nullptr || line.text.data() + line.text.size() > highest) {
      highest = line.text.data() + line.text.size();
    }
  }
  CHECK(pieces == (kSize + kMaxLine - 1) / kMaxLine);
  CHECK(total == kSize);
  CHECK(all_cut);
  CHECK(one_line);
  CHECK(reader.lines_cut() == 1);
  // Every piece came out of one buffer no bigger than max_line + block.
  CHECK(static_cast<std::size_t>(highest - lowest) <= kMaxLine + kBlock);
}

// Delivers its text, then fails like a cut-off gzip stream.
class FailingSource final : public ByteSource {
 public:
  explicit FailingSource(std::string text) : inner_(std::move(text), 4) {}
  std::size_t read(std::span<char> buffer) override {
    const std::size_t got = inner_.read(buffer);
    if (got == 0) throw InputError("cut.gz", "truncated gzip stream after 20 bytes");
    return got;
  }

 private:
  StringSource inner_;
};

TEST_CASE("line reader delivers the buffered lines, partial one included, before an error",
          "[input]") {
  FailingSource source("first\nsecond\npartia");
  LineReader reader(source, 16, 7);
  Line line;
  std::vector<std::string> texts;
  try {
    while (reader.next(line)) texts.emplace_back(line.text);
    FAIL("no error raised");
  } catch (const InputError& error) {
    CHECK_THAT(error.what(), Catch::Contains("cut.gz: truncated"));
  }
  CHECK(texts == std::vector<std::string>{"first", "second", "partia"});
  CHECK_FALSE(reader.next(line));  // reported once, then the end
}

TEST_CASE("line reader asks the source for large reads", "[input]") {
  StringSource source(std::string(3000, 'a') + "\n");
  LineReader reader(source);
  Line line;
  REQUIRE(reader.next(line));
  CHECK(line.text.size() == 3000);
  CHECK(source.largest_request >= LineReader::kDefaultBlock);
}

}  // namespace
}  // namespace logdx

namespace logdx {
namespace {

// Runs a LineReader to the end, recording what its observer saw.
struct Observed {
  std::string seen;                      // the observed regions, concatenated
  std::vector<std::uint64_t> offsets;    // each region's offset
  std::vector<std::string> regions;
  std::uint64_t lines = 0;
};

Observed observe_all(const std::string& text, std::size_t chunk, std::size_t max_line,
                     std::size_t block) {
  testing::StringSource source(text, chunk);
  LineReader reader(source, max_line, block);
  Observed out;
  std::uint64_t expected_offset = 0;
  reader.set_observer([&](std::string_view lines, std::uint64_t offset) {
    // Regions never overlap and start at a line start.
    REQUIRE(offset >= expected_offset);
    REQUIRE((offset == 0 || text[offset - 1] == '\n'));
    REQUIRE(text.substr(offset, lines.size()) == lines);
    expected_offset = offset + lines.size();
    out.seen.append(lines);
    out.offsets.push_back(offset);
    out.regions.emplace_back(lines);
  });
  Line line;
  while (reader.next(line)) ++out.lines;
  return out;
}

}  // namespace

TEST_CASE("the observer sees every byte in whole lines, before the lines are read",
          "[line-reader]") {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "line " + std::to_string(i) + " of the input\n";
  text += "a last line without a newline";
  for (std::size_t chunk : {1U, 7U, 100U, 5000U}) {
    INFO("chunk " << chunk);
    const Observed o = observe_all(text, chunk, 256, 64);
    CHECK(o.seen == text);  // contiguous, nothing twice, the unterminated last line included
    for (const auto& region : o.regions) {
      CHECK((region.back() == '\n' || &region == &o.regions.back()));
    }
    CHECK(o.lines == 201);
  }
}

TEST_CASE("a line longer than the buffer is never shown; the observer resumes after it",
          "[line-reader]") {
  const std::string before = "short one\nshort two\n";
  const std::string after = "after the long line\nand one more\n";
  const std::string text = before + std::string(1000, 'x') + "\n" + after;
  // A buffer of 64 + 64 bytes cannot hold the 1000-byte line whole.
  const Observed o = observe_all(text, 50, 64, 64);
  CHECK(o.seen == before + after);
  CHECK(o.offsets.back() + o.regions.back().size() == text.size());
}

}  // namespace logdx
