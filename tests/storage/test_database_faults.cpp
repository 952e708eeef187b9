// The history database under faults: not SQLite, corrupt, written by a newer logdx, locked by
// another writer, read-only, and a writer killed with SIGKILL in the middle of a run. Each
// gives a clear StorageError naming the file, and nothing stored before is lost or rewritten.

#include <fmt/format.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <sstream>

#include "logdx/storage/history_reader.hpp"
#include "logdx/storage/incident_store.hpp"
#include "logdx/storage/read_only_query.hpp"
#include "logdx/storage/storage_error.hpp"
#include "storage_test_support.hpp"

using namespace logdx;
using namespace logdx::storage;
using namespace logdx::storage::test;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

StorageErrorKind kind_opening(const std::string& path,
                              std::chrono::milliseconds timeout = std::chrono::milliseconds(100)) {
  try {
    Database db(path, OpenMode::create, {timeout});
    IncidentStore(db).record(run_at("2026-11-24T10:00:00Z"), {port_conflict()});
  } catch (const StorageError& e) {
    CHECK(std::string(e.what()).find(path) != std::string::npos);  // names the file
    return e.kind();
  }
  return StorageErrorKind::other;
}

}  // namespace

TEST_CASE("a new history is private: file 0600, new folders 0700", "[storage][faults]") {
  TempFolder tmp;
  const std::string path = tmp.file("state/logdx/history.db");
  { Database db(path, OpenMode::create); }
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  REQUIRE(::stat(tmp.file("state/logdx").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
}

TEST_CASE("a file that is not SQLite is reported and left byte for byte", "[storage][faults]") {
  TempFolder tmp;
  const std::string path = tmp.file("history.db");
  const std::string text = "this is my shopping list, not a database\n";
  write_file(path, text);
  CHECK(kind_opening(path) == StorageErrorKind::not_a_database);
  CHECK(slurp(path) == text);
}

TEST_CASE("a corrupt history is reported, never repaired", "[storage][faults]") {
  TempFolder tmp;
  const std::string path = tmp.file("history.db");
  {
    Database db(path, OpenMode::create);
    IncidentStore(db).record(run_at("2026-11-24T10:00:00Z"), {port_conflict()});
  }
  std::string bytes = slurp(path);
  REQUIRE(bytes.size() > 4096);
  // Page 1 after the 100-byte file header is the b-tree page of sqlite_schema: scribble over
  // all of it, so the schema itself is unreadable.
  for (std::size_t i = 100; i < 4096; ++i) bytes[i] = static_cast<char>(i * 7);
  write_file(path, bytes);
  const StorageErrorKind kind = kind_opening(path);
  CHECK((kind == StorageErrorKind::corrupt || kind == StorageErrorKind::not_a_database));
  CHECK(slurp(path) == bytes);
}

TEST_CASE("a history from a newer logdx is refused and untouched", "[storage][faults]") {
  TempFolder tmp;
  const std::string path = tmp.file("history.db");
  {
    Database db(path, OpenMode::create);
    db.exec("PRAGMA user_version = 999");
  }
  const std::string before = slurp(path);
  CHECK(kind_opening(path) == StorageErrorKind::too_new);
  CHECK(slurp(path) == before);
}

TEST_CASE("a writer waits for the lock up to the busy timeout, then fails clearly",
          "[storage][faults]") {
  TempFolder tmp;
  const std::string path = tmp.file("history.db");
  Database holder(path, OpenMode::create);
  holder.exec("BEGIN IMMEDIATE");
  const auto started = std::chrono::steady_clock::now();
  CHECK(kind_opening(path, std::chrono::milliseconds(300)) == StorageErrorKind::busy);
  CHECK(std::chrono::steady_clock::now() - started >= std::chrono::milliseconds(250));
  holder.exec("ROLLBACK");
  CHECK(kind_opening(path) == StorageErrorKind::other);  // free again: the run is stored
}

TEST_CASE("a history in a folder that cannot be written is read_only, not an error",
          "[storage][faults]") {
  if (::geteuid() == 0) {
    SUCCEED("root writes anywhere; tests/cli/history_cli.sh covers this as user nobody");
    return;
  }
  TempFolder tmp;
  const std::string folder = tmp.file("locked");
  std::filesystem::create_directory(folder);
  ::chmod(folder.c_str(), 0500);
  CHECK(kind_opening(folder + "/history.db") == StorageErrorKind::read_only);
  ::chmod(folder.c_str(), 0700);
}

TEST_CASE("SIGKILL in the middle of storing keeps every earlier run and a sound file",
          "[storage][faults]") {
  TempFolder tmp;
  const std::string path = tmp.file("history.db");
  // A big tree, so that most of the writer's time is spent inside a transaction.
  std::vector<Diagnosis> many;
  for (int i = 0; i < 400; ++i) {
    Diagnosis d = port_conflict();
    d.fingerprint = fmt::format("{:016x}", 0x1000 + i);
    d.explains.clear();
    many.push_back(d);
  }
  for (int round = 0; round < 3; ++round) {
    // The child says when each run is stored; the kill comes a little after the first one, so
    // there is always a stored run to keep, however slow the build (ASan) or the machine is,
    // and the child is then most likely inside its next transaction.
    int stored[2];
    REQUIRE(::pipe(stored) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      ::close(stored[0]);
      try {
        Database db(path, OpenMode::create);
        IncidentStore store(db);
        for (;;) {
          store.record(run_at("2026-11-24T10:00:00Z"), many);
          if (::write(stored[1], "s", 1) != 1) break;
        }
      } catch (...) {
      }
      ::_exit(3);
    }
    ::close(stored[1]);
    char byte = 0;
    CHECK(::read(stored[0], &byte, 1) == 1);
    ::usleep(static_cast<useconds_t>(5000 + round * 20000));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ::close(stored[0]);  // only now: the child never meets a closed pipe (SIGPIPE)
    CHECK(WIFSIGNALED(status));
  }
  Database db(path, OpenMode::existing);
  CHECK(std::get<std::string>(run_read_only_query(db, "PRAGMA integrity_check").rows[0][0]) ==
        "ok");
  // Every stored run is whole: all of its 400 occurrences are there.
  const QueryResult partial =
      run_read_only_query(db,
                          "SELECT count(*) FROM runs r WHERE (SELECT count(*) FROM occurrences o "
                          "WHERE o.run_id = r.id) <> 400");
  CHECK(std::get<std::int64_t>(partial.rows[0][0]) == 0);
  CHECK(std::get<std::int64_t>(run_read_only_query(db, "SELECT count(*) FROM runs").rows[0][0]) >
        0);
}
