// open_byte_source: plain files, gzip and zstd recognised by magic (not by name), multi-member
// gzip, truncated and corrupt streams, stdin as a file and as a pipe, files that change size.

#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "input/utf16_source.hpp"
#include "input_test_support.hpp"
#include "logdx/parsers/byte_source.hpp"
#include "logdx/parsers/input_set.hpp"
#include "logdx/parsers/line_reader.hpp"

namespace logdx {
namespace {

using testing::file_input;
using testing::gzip_bytes;
using testing::read_all_bytes;
using testing::TempDir;
using testing::write_file;
using testing::zstd_bytes;

// Lines that do not compress to nothing, so a cut-off stream still holds whole blocks.
std::string sample_log(int lines) {
  std::string text;
  std::uint32_t state = 12345;
  for (int i = 0; i < lines; ++i) {
    state = state * 1103515245u + 12345u;
    text += "2026-03-05T08:20:" + std::to_string(10 + i % 50) + " gw node[" +
            std::to_string(state % 99991) + "]: event " + std::to_string(state) + "\n";
  }
  return text;
}

// Reads everything, returning what came before an InputError (rethrown through `error`).
std::string read_until_error(ByteSource& source, std::string& error) {
  std::string all;
  std::vector<char> buffer(4096);
  try {
    for (std::size_t got; (got = source.read(buffer)) > 0;) all.append(buffer.data(), got);
  } catch (const InputError& e) {
    error = e.what();
  }
  return all;
}

TEST_CASE("byte source reads a plain file and reports its size", "[input]") {
  TempDir dir;
  write_file(dir / "a.log", "one\ntwo\n");
  auto source = open_byte_source(file_input(dir / "a.log"));
  CHECK(source->compression() == Compression::none);
  CHECK(source->size_hint() == std::optional<std::uint64_t>(8));
  CHECK(read_all_bytes(*source, 3) == "one\ntwo\n");
}

TEST_CASE("byte source round-trips gzip and zstd files", "[input]") {
  TempDir dir;
  const std::string text = sample_log(5000);
  write_file(dir / "x.log.gz", gzip_bytes(text, dir / "scratch"));
  write_file(dir / "x.log.zst", zstd_bytes(text));
  auto gz = open_byte_source(file_input(dir / "x.log.gz"));
  CHECK(gz->compression() == Compression::gzip);
  CHECK(read_all_bytes(*gz) == text);
  auto zst = open_byte_source(file_input(dir / "x.log.zst"));
  CHECK(zst->compression() == Compression::zstd);
  CHECK(read_all_bytes(*zst, 100) == text);
}

TEST_CASE("byte source reads every member of a concatenated gzip and every zstd frame", "[input]") {
  TempDir dir;
  write_file(dir / "multi.gz", gzip_bytes("first member\n", dir / "s1") +
                                   gzip_bytes("second member\n", dir / "s2") +
                                   gzip_bytes("", dir / "s3") + gzip_bytes("third\n", dir / "s4"));
  auto gz = open_byte_source(file_input(dir / "multi.gz"));
  CHECK(read_all_bytes(*gz, 5) == "first member\nsecond member\nthird\n");
  write_file(dir / "multi.zst", zstd_bytes("frame one\n") + zstd_bytes("frame two\n"));
  auto zst = open_byte_source(file_input(dir / "multi.zst"));
  CHECK(read_all_bytes(*zst, 5) == "frame one\nframe two\n");
}

TEST_CASE("byte source ignores zero padding after the last gzip member", "[input]") {
  TempDir dir;
  write_file(dir / "padded.gz", gzip_bytes("padded\n", dir / "s") + std::string(100, '\0'));
  auto gz = open_byte_source(file_input(dir / "padded.gz"));
  CHECK(read_all_bytes(*gz) == "padded\n");
}

TEST_CASE("byte source detects compression by magic bytes, not by name", "[input]") {
  TempDir dir;
  write_file(dir / "really-gzip.log", gzip_bytes("hidden gzip\n", dir / "s"));
  write_file(dir / "really-zstd.txt", zstd_bytes("hidden zstd\n"));
  write_file(dir / "plain.gz", "not compressed at all\n");
  auto gz = open_byte_source(file_input(dir / "really-gzip.log"));
  CHECK(gz->compression() == Compression::gzip);
  CHECK(read_all_bytes(*gz) == "hidden gzip\n");
  auto zst = open_byte_source(file_input(dir / "really-zstd.txt"));
  CHECK(read_all_bytes(*zst) == "hidden zstd\n");
  auto plain = open_byte_source(file_input(dir / "plain.gz"));
  CHECK(plain->compression() == Compression::none);
  CHECK(read_all_bytes(*plain) == "not compressed at all\n");
}

TEST_CASE("byte source reports a truncated gzip after delivering the decodable bytes", "[input]") {
  TempDir dir;
  const std::string text = sample_log(20000);
  const std::string full = gzip_bytes(text, dir / "s");
  write_file(dir / "cut.log.gz", full.substr(0, full.size() / 2));
  auto source = open_byte_source(file_input(dir / "cut.log.gz"));
  std::string error;
  const std::string got = read_until_error(*source, error);
  CHECK_THAT(error, Catch::Contains(dir / "cut.log.gz") && Catch::Contains("truncated gzip"));
  CHECK(got.size() > text.size() / 4);
  CHECK(text.compare(0, got.size(), got) == 0);  // a true prefix, nothing invented
}

TEST_CASE("byte source reports truncated gzip even when cut inside the header", "[input]") {
  TempDir dir;
  write_file(dir / "tiny.gz", "\x1f\x8b");
  auto source = open_byte_source(file_input(dir / "tiny.gz"));
  std::vector<char> buffer(64);
  CHECK_THROWS_WITH(source->read(buffer), Catch::Contains("truncated gzip stream after 0 bytes"));
}

TEST_CASE("byte source reports a truncated zstd stream with the path", "[input]") {
  TempDir dir;
  const std::string text = sample_log(20000);
  const std::string full = zstd_bytes(text);
  write_file(dir / "cut.zst", full.substr(0, full.size() - 10));
  auto source = open_byte_source(file_input(dir / "cut.zst"));
  std::string error;
  const std::string got = read_until_error(*source, error);
  CHECK_THAT(error, Catch::Contains(dir / "cut.zst") && Catch::Contains("truncated zstd"));
  CHECK(text.compare(0, got.size(), got) == 0);
}

TEST_CASE("byte source reports corrupt compressed data with the library's message", "[input]") {
  TempDir dir;
  std::string gz = gzip_bytes(sample_log(2000), dir / "s");
  for (std::size_t i = gz.size() / 2; i < gz.size() / 2 + 64; ++i)
    gz[i] = static_cast<char>(~gz[i]);
  write_file(dir / "bad.gz", gz);
  auto bad_gz = open_byte_source(file_input(dir / "bad.gz"));
  std::string error;
  read_until_error(*bad_gz, error);
  CHECK_THAT(error, Catch::Contains(dir / "bad.gz") && Catch::Contains("corrupt gzip stream: "));
  write_file(dir / "bad.zst", std::string("\x28\xb5\x2f\xfd", 4) + std::string(64, '\x7f'));
  auto bad_zst = open_byte_source(file_input(dir / "bad.zst"));
  error.clear();
  read_until_error(*bad_zst, error);
  CHECK_THAT(error, Catch::Contains(dir / "bad.zst") && Catch::Contains("corrupt zstd stream: "));
}

TEST_CASE("byte source refuses a missing file and a folder with the system's message", "[input]") {
  TempDir dir;
  CHECK_THROWS_WITH(open_byte_source(file_input(dir / "missing.log")),
                    Catch::Contains("missing.log") && Catch::Contains("No such file or directory"));
  CHECK_THROWS_AS(open_byte_source(file_input(dir.path().string())), InputError);
}

TEST_CASE("byte source reports a file truncated while it is read, after what it read", "[input]") {
  TempDir dir;
  write_file(dir / "moving.log", std::string(100000, 'a'));
  auto source = open_byte_source(file_input(dir / "moving.log"));
  std::vector<char> buffer(1000);
  std::size_t before = 0;
  while (before < 2000) before += source->read(buffer);
  std::filesystem::resize_file(dir / "moving.log", 10);  // logrotate copytruncate
  std::string error;
  CHECK(read_until_error(*source, error).empty());
  CHECK(error == (dir / "moving.log") + ": truncated while being read: it ended after " +
                     std::to_string(before) + " of the 100000 bytes it had when opened");
}

TEST_CASE("byte source reads a file as it was when opened, not what is appended", "[input]") {
  TempDir dir;
  write_file(dir / "growing.log", std::string(100000, 'a'));
  auto source = open_byte_source(file_input(dir / "growing.log"));
  std::vector<char> buffer(1000);
  std::size_t got = source->read(buffer);
  {
    std::ofstream grow(dir / "growing.log", std::ios::app);
    grow << std::string(5000, 'b');  // a writer faster than the reader would never let it end
  }
  std::string error;
  const std::string rest = read_until_error(*source, error);
  CHECK(error.empty());
  CHECK(got + rest.size() == 100000);
  CHECK(rest.find('b') == std::string::npos);
}

// Points fd 0 at `fd` for the life of the object.
class StdinRedirect {
 public:
  explicit StdinRedirect(int fd) : saved_(::dup(STDIN_FILENO)) { ::dup2(fd, STDIN_FILENO); }
  ~StdinRedirect() {
    ::dup2(saved_, STDIN_FILENO);
    ::close(saved_);
  }

 private:
  int saved_;
};

TEST_CASE("byte source sniffs gzip on stdin when stdin is a pipe", "[input]") {
  TempDir dir;
  const std::string gz = gzip_bytes("from a pipe\nsecond\n", dir / "s");
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  REQUIRE(::write(fds[1], gz.data(), gz.size()) == static_cast<ssize_t>(gz.size()));
  ::close(fds[1]);
  StdinRedirect redirect(fds[0]);
  ::close(fds[0]);
  auto source = open_byte_source(ResolvedInput{"-", "<stdin>", true, 0, nullptr, "", ""});
  CHECK(source->compression() == Compression::gzip);
  LineReader reader(*source, 16, 7);
  const auto lines = testing::read_all_lines(reader);
  REQUIRE(lines.size() == 2);
  CHECK(lines[1].text == "second");
}

TEST_CASE("byte source reads stdin redirected from a file", "[input]") {
  TempDir dir;
  write_file(dir / "in.zst", zstd_bytes("zstd via stdin\n"));
  const int fd = ::open((dir / "in.zst").c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  StdinRedirect redirect(fd);
  ::close(fd);
  auto source = open_byte_source(ResolvedInput{"-", "<stdin>", true, 0, nullptr, "", ""});
  CHECK(source->compression() == Compression::zstd);
  CHECK(read_all_bytes(*source) == "zstd via stdin\n");
}

}  // namespace
}  // namespace logdx

namespace logdx {
namespace {

TEST_CASE("byte source reads the corpus gzip case end to end", "[input]") {
  const auto resolved =
      resolve_inputs({std::string(LOGDX_CORPUS_DIR) + "/cases/08-oom-systemd-oomd-user-unit-gz"});
  REQUIRE(resolved.inputs.size() == 2);  // expected.yaml and input.log.gz, in name order
  const ResolvedInput& gz = resolved.inputs[1];
  REQUIRE(gz.path.ends_with("input.log.gz"));
  auto source = open_byte_source(gz);
  CHECK(source->compression() == Compression::gzip);
  LineReader reader(*source);
  const auto lines = testing::read_all_lines(reader);
  REQUIRE(lines.size() == 27);
  CHECK(lines[0].text.starts_with("Jun 14 02:58:01 claw-laptop CRON[48211]: (root) CMD"));
  CHECK(reader.bytes_read() == 3539);
}

}  // namespace
}  // namespace logdx

namespace logdx {
namespace {

// Text as Windows PowerShell 5.1's `>` writes it: UTF-16 with a byte-order mark.
std::string utf16(std::u16string_view text, bool little_endian) {
  std::string out = little_endian ? std::string("\xff\xfe") : std::string("\xfe\xff");
  for (const char16_t unit : text) {
    const auto lo = static_cast<char>(unit & 0xFF);
    const auto hi = static_cast<char>(unit >> 8);
    out += little_endian ? std::string{lo, hi} : std::string{hi, lo};
  }
  return out;
}

}  // namespace

TEST_CASE("byte source reads UTF-16 with a BOM as UTF-8", "[input]") {
  TempDir dir;
  // openclaw's port report and an emoji (a surrogate pair) and accented text, CRLF as written.
  const std::u16string text =
      u"2026-03-05T08:20:25.123+01:00 [gateway] Port 18789 is already in use.\r\n"
      u"Ré-essai \U0001F99E terminé\r\n";
  const std::string expected =
      "2026-03-05T08:20:25.123+01:00 [gateway] Port 18789 is already in use.\r\n"
      "R\xc3\xa9-essai \xf0\x9f\xa6\x9e termin\xc3\xa9\r\n";
  for (const bool little : {true, false}) {
    INFO((little ? "UTF-16LE" : "UTF-16BE"));
    write_file(dir / "ps.log", utf16(text, little));
    for (const std::size_t chunk : {1, 3, 4096}) {  // every buffer size a caller may give
      auto source = open_byte_source(file_input(dir / "ps.log"));
      CHECK(read_all_bytes(*source, chunk) == expected);
    }
  }
}

TEST_CASE("UTF-16 decoding keeps pairs and code units cut across the inner reads", "[input]") {
  // A pipe handing out 1, 2, 3 or 5 bytes a read cuts code units and surrogate pairs anywhere.
  const std::u16string text = u"\U0001F99E gateway: Port 18789 is already in use \U0001F4A5\r\n";
  const std::string expected =
      "\xf0\x9f\xa6\x9e gateway: Port 18789 is already in use \xf0\x9f\x92\xa5\r\n";
  for (const bool little : {true, false}) {
    for (const std::size_t chunk : {1, 2, 3, 5}) {
      INFO((little ? "LE" : "BE") << ", " << chunk << " bytes a read");
      input::Utf16Source source(std::make_unique<testing::StringSource>(utf16(text, little), chunk),
                                little ? input::Utf16Order::little : input::Utf16Order::big);
      CHECK(read_all_bytes(source, 7) == expected);
    }
  }
}

TEST_CASE("byte source replaces lone surrogates and drops an odd last byte", "[input]") {
  TempDir dir;
  std::string bytes = utf16(u"a", true);
  bytes += std::string("\x3d\xd8", 2);  // a high surrogate with no low one after it
  bytes += std::string("b\0", 2);
  bytes += std::string("\x00\xdc", 2);  // a low surrogate alone
  bytes += "c";                         // half a code unit
  write_file(dir / "bad.log", bytes);
  auto source = open_byte_source(file_input(dir / "bad.log"));
  CHECK(read_all_bytes(*source, 7) ==
        "a\xef\xbf\xbd"
        "b\xef\xbf\xbd");
}

TEST_CASE("byte source reads a pm2 log saved by PowerShell; a lone 0xff is no BOM", "[input]") {
  TempDir dir;
  write_file(dir / "pm2.txt",
             utf16(u"0|api      | Error: listen EADDRINUSE: address already in use "
                   u":::3000\r\n",
                   true));
  auto source = open_byte_source(file_input(dir / "pm2.txt"));
  CHECK(read_all_bytes(*source, 64) ==
        "0|api      | Error: listen EADDRINUSE: address already in use :::3000\r\n");
  // Two bytes that only look like a BOM in a file too short to hold one are read as they are.
  write_file(dir / "one.log", "\xff");
  CHECK(read_all_bytes(*open_byte_source(file_input(dir / "one.log")), 4) == "\xff");
}

}  // namespace logdx
