// JournalLibrary: sd-journal is loaded when a journal is read. Every function the reader calls
// must resolve from the system's libsystemd0, and a missing library must be an input error
// that names the input and the library, not a crash.
#include <catch2/catch.hpp>
#include <cerrno>
#include <string>

#include "input/journal_library.hpp"
#include "logdx/parsers/byte_source.hpp"

using logdx::InputError;
using logdx::input::JournalLibrary;

TEST_CASE("libsystemd0 gives every sd-journal function the reader calls") {
  const auto lib = JournalLibrary::load("journal");
  REQUIRE(lib != nullptr);
  CHECK(lib->open != nullptr);
  CHECK(lib->open_directory != nullptr);
  CHECK(lib->open_files != nullptr);
  CHECK(lib->close != nullptr);
  CHECK(lib->add_match != nullptr);
  CHECK(lib->add_disjunction != nullptr);
  CHECK(lib->seek_head != nullptr);
  CHECK(lib->next != nullptr);
  CHECK(lib->get_cursor != nullptr);
  CHECK(lib->get_realtime_usec != nullptr);
  CHECK(lib->get_monotonic_usec != nullptr);
  CHECK(lib->restart_data != nullptr);
  CHECK(lib->enumerate_data != nullptr);
  CHECK(lib->get_fd != nullptr);
  CHECK(lib->wait != nullptr);
  // A call through a loaded pointer: sd-journal's own answer for a folder that is not there.
  sd_journal* journal = nullptr;
  CHECK(lib->open_directory(&journal, "/nonexistent-logdx-journal-dir", 0) == -ENOENT);
  CHECK(journal == nullptr);
}

TEST_CASE("a missing libsystemd is an input error naming the input and the library") {
  try {
    JournalLibrary::load("/var/log/journal/x/system.journal", "libsystemd-absent-for-test.so.0");
    FAIL("load did not throw");
  } catch (const InputError& e) {
    const std::string what = e.what();
    CHECK(e.path() == "/var/log/journal/x/system.journal");
    CHECK(what.find("libsystemd-absent-for-test.so.0") != std::string::npos);
    CHECK(what.find("reading the systemd journal needs") != std::string::npos);
  }
}
