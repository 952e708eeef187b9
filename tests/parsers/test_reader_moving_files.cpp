// A log that changes while logdx reads it: truncated under it (logrotate copytruncate) or
// still being written. The sink runs between block reads, so it can change the file at a
// known point of the reading: no timing, no race.

#include <catch2/catch.hpp>
#include <filesystem>

#include "input_test_support.hpp"
#include "logdx/parsers/event_reader.hpp"

namespace logdx {
namespace {

using testing::file_input;
using testing::TempDir;
using testing::write_file;

// Syslog lines, many more bytes than one read block, so the first events arrive while most
// of the file is still unread.
std::string many_lines(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    text += "Mar  5 08:20:25 vm node[1]: request " + std::to_string(i) + " served in 12 ms\n";
  }
  return text;
}

struct Outcome {
  InputSummary summary;
  std::vector<ReaderDiagnostic> diagnostics;
  std::uint64_t events = 0;
};

template <typename Change>
Outcome read_changing(const std::string& path, Change change) {
  const ParserRegistry registry = ParserRegistry::builtin();
  const EventReader reader(registry, ReaderOptions{});
  Outcome out;
  out.summary = reader.read(
      file_input(path),
      [&](Event&&) {
        if (out.events++ == 0) change();
      },
      out.diagnostics);
  return out;
}

}  // namespace

TEST_CASE("a log truncated while it is read: the events before, then an error naming it",
          "[input]") {
  TempDir dir;
  const std::string path = dir / "gateway.log";
  const std::string text = many_lines(200000);  // ~11 MB
  write_file(path, text);
  const Outcome out = read_changing(path, [&] { std::filesystem::resize_file(path, 0); });
  CHECK(out.summary.failed);
  CHECK(out.events > 0);
  CHECK(out.events < 200000);
  REQUIRE(out.diagnostics.size() == 1);
  CHECK(out.diagnostics[0].severity == ReaderDiagnostic::Severity::error);
  CHECK_THAT(
      out.diagnostics[0].message,
      Catch::StartsWith(path + ": truncated while being read: it ended after ") &&
          Catch::EndsWith(" of the " + std::to_string(text.size()) + " bytes it had when opened"));
}

TEST_CASE("a log written to while it is read: read as it was opened, a note says the rest",
          "[input]") {
  TempDir dir;
  const std::string path = dir / "gateway.log";
  const std::string text = many_lines(200000);
  write_file(path, text);
  const Outcome out = read_changing(path, [&] {
    std::ofstream grow(path, std::ios::app);
    grow << many_lines(1000);
  });
  CHECK_FALSE(out.summary.failed);
  CHECK(out.events == 200000);
  REQUIRE(out.diagnostics.size() == 1);
  CHECK(out.diagnostics[0].severity == ReaderDiagnostic::Severity::note);
  CHECK(out.diagnostics[0].message ==
        path + ": grew by " + std::to_string(many_lines(1000).size()) +
            " bytes while being read; only the " + std::to_string(text.size()) +
            " bytes it had when opened were read");
}

}  // namespace logdx
