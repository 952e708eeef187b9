// resolve_inputs: folders, globs, stdin, errors as notes, binaries skipped, symlink loops,
// rotated sets ordered oldest first.

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "input_test_support.hpp"
#include "logdx/parsers/input_set.hpp"

namespace logdx {
namespace {

namespace fs = std::filesystem;
using Severity = InputNote::Severity;
using testing::gzip_bytes;
using testing::TempDir;
using testing::write_file;
using testing::zstd_bytes;

std::vector<std::string> paths_of(const ResolvedInputs& resolved) {
  std::vector<std::string> paths;
  for (const auto& input : resolved.inputs) paths.push_back(input.path);
  return paths;
}

const InputNote* find_note(const ResolvedInputs& resolved, const std::string& path) {
  for (const auto& note : resolved.notes) {
    if (note.path == path) return &note;
  }
  return nullptr;
}

TEST_CASE("resolve_inputs walks nested folders in name order and skips binaries", "[input]") {
  TempDir dir;
  write_file(dir / "b.log", "b\n");
  write_file(dir / "a.log", "a\n");
  write_file(dir / "sub/c.log", "c\n");
  write_file(dir / "sub/deeper/d.log.gz", gzip_bytes("d\n", dir / "s"));
  write_file(dir / "aa-image.dat", std::string("PNG\0\0\x01", 6));
  write_file(dir / "core.gz", gzip_bytes(std::string("ELF\0\0\0", 6), dir / "s"));
  write_file(dir / "empty.log", "");
  const auto resolved = resolve_inputs({dir.path().string()});
  CHECK(paths_of(resolved) == std::vector<std::string>{dir / "a.log", dir / "b.log",
                                                       dir / "empty.log", dir / "sub/c.log",
                                                       dir / "sub/deeper/d.log.gz"});
  for (const std::string name : {"aa-image.dat", "core.gz"}) {
    const InputNote* note = find_note(resolved, dir / name);
    REQUIRE(note != nullptr);
    CHECK(note->severity == Severity::note);
    CHECK(note->message == "skipped: binary file");
  }
  CHECK(resolved.notes.size() == 2);
  CHECK(resolved.inputs.front().mtime > 0);
  CHECK(resolved.inputs.front().display_name == dir / "a.log");
}

TEST_CASE("resolve_inputs notes an unreadable file in a folder and keeps the others", "[input]") {
  TempDir dir;
  write_file(dir / "good.log", "ok\n");
  write_file(dir / "z-good.log", "ok\n");
  // Unreadable even for root: a symlink to nothing.
  fs::create_symlink(dir / "gone.log", dir / "dangling.log");
  const auto resolved = resolve_inputs({dir.path().string()});
  CHECK(paths_of(resolved) == std::vector<std::string>{dir / "good.log", dir / "z-good.log"});
  const InputNote* note = find_note(resolved, dir / "dangling.log");
  REQUIRE(note != nullptr);
  CHECK(note->severity == Severity::error);
  CHECK(note->message == "No such file or directory");
}

TEST_CASE("resolve_inputs notes a permission-denied file (needs a non-root user)", "[input]") {
  TempDir dir;
  write_file(dir / "good.log", "ok\n");
  write_file(dir / "secret.log", "no\n");
  fs::permissions(dir / "secret.log", fs::perms::none);
  const auto resolved = resolve_inputs({dir.path().string()});
  if (::geteuid() == 0) {
    WARN(
        "running as root: chmod 000 does not stop reading; the dangling-symlink and FIFO "
        "tests cover unreadable entries");
    CHECK(resolved.inputs.size() == 2);
    return;
  }
  CHECK(paths_of(resolved) == std::vector<std::string>{dir / "good.log"});
  const InputNote* note = find_note(resolved, dir / "secret.log");
  REQUIRE(note != nullptr);
  CHECK(note->severity == Severity::error);
  CHECK(note->message == "Permission denied");
}

TEST_CASE("resolve_inputs skips a FIFO in a folder instead of blocking on it", "[input]") {
  TempDir dir;
  write_file(dir / "a.log", "a\n");
  REQUIRE(::mkfifo((dir / "pipe").c_str(), 0600) == 0);
  const auto resolved = resolve_inputs({dir.path().string()});
  CHECK(paths_of(resolved) == std::vector<std::string>{dir / "a.log"});
  const InputNote* note = find_note(resolved, dir / "pipe");
  REQUIRE(note != nullptr);
  CHECK(note->message == "skipped: not a regular file");
}

TEST_CASE("resolve_inputs reports a nonexistent path and continues", "[input]") {
  TempDir dir;
  write_file(dir / "a.log", "a\n");
  const auto resolved = resolve_inputs({dir / "nope.log", dir / "a.log"});
  CHECK(paths_of(resolved) == std::vector<std::string>{dir / "a.log"});
  REQUIRE(resolved.notes.size() == 1);
  CHECK(resolved.notes[0].severity == Severity::error);
  CHECK(resolved.notes[0].path == dir / "nope.log");
  CHECK(resolved.notes[0].message == "No such file or directory");
}

TEST_CASE("resolve_inputs expands globs and reports a pattern without matches", "[input]") {
  TempDir dir;
  write_file(dir / "b.log", "b\n");
  write_file(dir / "a.log", "a\n");
  write_file(dir / "notes.txt", "t\n");
  const auto resolved = resolve_inputs({dir / "*.log", dir / "*.none", dir / "note?.tx[t]"});
  CHECK(paths_of(resolved) ==
        std::vector<std::string>{dir / "a.log", dir / "b.log", dir / "notes.txt"});
  REQUIRE(resolved.notes.size() == 1);
  CHECK(resolved.notes[0].severity == Severity::error);
  CHECK(resolved.notes[0].path == dir / "*.none");
}

TEST_CASE("resolve_inputs takes an existing name with glob characters literally", "[input]") {
  TempDir dir;
  write_file(dir / "app[1].log", "x\n");
  write_file(dir / "app1.log", "y\n");
  const auto resolved = resolve_inputs({dir / "app[1].log"});
  CHECK(paths_of(resolved) == std::vector<std::string>{dir / "app[1].log"});
}

TEST_CASE("resolve_inputs reads stdin for no arguments and for '-'", "[input]") {
  const auto none = resolve_inputs({});
  REQUIRE(none.inputs.size() == 1);
  CHECK(none.inputs[0].is_stdin);
  CHECK(none.inputs[0].path == "-");
  TempDir dir;
  write_file(dir / "a.log", "a\n");
  const auto mixed = resolve_inputs({dir / "a.log", "-", "-"});
  REQUIRE(mixed.inputs.size() == 2);
  CHECK_FALSE(mixed.inputs[0].is_stdin);
  CHECK(mixed.inputs[1].is_stdin);
  CHECK(mixed.notes.size() == 1);  // the second "-"
}

TEST_CASE("resolve_inputs orders a rotated set oldest first inside a folder", "[input]") {
  TempDir dir;
  write_file(dir / "x.log", "live\n");
  write_file(dir / "x.log.1", "one\n");
  write_file(dir / "x.log.2.gz", gzip_bytes("two\n", dir / "s"));
  write_file(dir / "x.log.3.zst", zstd_bytes("three\n"));
  write_file(dir / "x.log.10.gz", gzip_bytes("ten\n", dir / "s"));
  write_file(dir / "a.log", "a\n");
  write_file(dir / "y.log", "y\n");
  const auto resolved = resolve_inputs({dir.path().string()});
  CHECK(paths_of(resolved) == std::vector<std::string>{dir / "a.log", dir / "x.log.10.gz",
                                                       dir / "x.log.3.zst", dir / "x.log.2.gz",
                                                       dir / "x.log.1", dir / "x.log",
                                                       dir / "y.log"});
}

TEST_CASE("resolve_inputs orders dateext rotations by date before the live file", "[input]") {
  TempDir dir;
  write_file(dir / "syslog", "live\n");
  write_file(dir / "syslog-20260305", "5th\n");
  write_file(dir / "syslog-20260228.gz", gzip_bytes("28th\n", dir / "s"));
  write_file(dir / "syslog-20260301", "1st\n");
  const auto resolved = resolve_inputs({dir.path().string()});
  CHECK(paths_of(resolved) == std::vector<std::string>{dir / "syslog-20260228.gz",
                                                       dir / "syslog-20260301",
                                                       dir / "syslog-20260305", dir / "syslog"});
}

TEST_CASE("resolve_inputs keeps command-line order except inside a rotated set", "[input]") {
  TempDir dir;
  for (const std::string name : {"z.log", "x.log", "x.log.1", "b.log"})
    write_file(dir / name, "l\n");
  write_file(dir / "x.log.2.gz", gzip_bytes("two\n", dir / "s"));
  const auto resolved = resolve_inputs(
      {dir / "z.log", dir / "x.log", dir / "x.log.1", dir / "b.log", dir / "x.log.2.gz"});
  CHECK(paths_of(resolved) == std::vector<std::string>{dir / "z.log", dir / "x.log.2.gz",
                                                       dir / "x.log.1", dir / "x.log",
                                                       dir / "b.log"});
}

TEST_CASE("resolve_inputs ends on symlink loops and reads each file once", "[input]") {
  TempDir dir;
  write_file(dir / "logs/a.log", "a\n");
  write_file(dir / "logs/inner/b.log", "b\n");
  fs::create_directory_symlink(dir / "logs", dir / "logs/inner/back-to-top");
  fs::create_symlink(dir / "logs/l2", dir / "logs/l1");  // l1 -> l2 -> l1
  fs::create_symlink(dir / "logs/l1", dir / "logs/l2");
  fs::create_symlink(dir / "logs/a.log", dir / "logs/same-as-a.log");
  const auto resolved = resolve_inputs({dir / "logs"});
  CHECK(paths_of(resolved) ==
        std::vector<std::string>{dir / "logs/a.log", dir / "logs/inner/b.log"});
  const InputNote* loop = find_note(resolved, dir / "logs/l1");
  REQUIRE(loop != nullptr);
  CHECK(loop->severity == Severity::error);
  CHECK(loop->message == "Too many levels of symbolic links");
  const InputNote* same = find_note(resolved, dir / "logs/same-as-a.log");
  REQUIRE(same != nullptr);
  CHECK(same->message == "skipped: same file as " + (dir / "logs/a.log"));
}

TEST_CASE("resolve_inputs skips a binary file given by name too", "[input]") {
  TempDir dir;
  write_file(dir / "blob", std::string(10, '\0'));
  const auto resolved = resolve_inputs({dir / "blob"});
  CHECK(resolved.inputs.empty());
  REQUIRE(resolved.notes.size() == 1);
  CHECK(resolved.notes[0].message == "skipped: binary file");
}

}  // namespace
}  // namespace logdx

namespace logdx {
namespace {

std::vector<std::string> folder_hosts_of(const ResolvedInputs& resolved) {
  std::vector<std::string> hosts;
  for (const auto& input : resolved.inputs) hosts.push_back(input.folder_host);
  return hosts;
}

TEST_CASE("a folder holding only folders names each file's host by its first folder", "[input]") {
  TempDir dir;
  write_file(dir / "remote/gw-a/syslog.log", "a\n");
  write_file(dir / "remote/gw-b.example.net/kern/kernel.log", "b\n");
  write_file(dir / "remote/10.0.0.7/syslog.log", "c\n");
  write_file(dir / "remote/fe80::1/syslog.log", "d\n");
  const std::string root = dir / "remote";
  for (const std::string& given : {root, root + "/"}) {
    const auto resolved = resolve_inputs({given});
    REQUIRE(resolved.inputs.size() == 4);
    CHECK(folder_hosts_of(resolved) ==
          std::vector<std::string>{"10.0.0.7", "fe80::1", "gw-a", "gw-b.example.net"});
  }
}

TEST_CASE("no folder host outside a tree of host folders", "[input]") {
  TempDir dir;
  SECTION("a folder with a file of its own (like /var/log and its nginx/)") {
    write_file(dir / "log/syslog", "s\n");
    write_file(dir / "log/nginx/error.log", "n\n");
    const auto resolved = resolve_inputs({dir / "log"});
    CHECK(folder_hosts_of(resolved) == std::vector<std::string>{"", ""});
  }
  SECTION("a file given, or a glob of files") {
    write_file(dir / "remote/gw-a/syslog.log", "a\n");
    CHECK(folder_hosts_of(resolve_inputs({dir / "remote/gw-a/syslog.log"})) ==
          std::vector<std::string>{""});
    CHECK(folder_hosts_of(resolve_inputs({dir / "remote/*/*.log"})) ==
          std::vector<std::string>{""});
  }
  SECTION("a folder name no host can have: a 64-hex container id, a label over 63") {
    const std::string id(64, 'a');
    write_file(dir / ("containers/" + id + "/" + id + "-json.log"), "x\n");
    write_file(dir / "containers/a..b/x.log", "x\n");
    write_file(dir / "containers/gw c/x.log", "x\n");
    CHECK(folder_hosts_of(resolve_inputs({dir / "containers"})) ==
          std::vector<std::string>{"", "", ""});
  }
}

}  // namespace
}  // namespace logdx
