#pragma once
// libsystemd's sd-journal functions, loaded (dlopen) when a journal is first read rather than
// linked. Linked, libsystemd and the libraries it pulls in (lz4, lzma, gcrypt, gpg-error, cap)
// are mapped and relocated at every start: ~65 page faults and 2-4 ms of CPU before main, a
// tenth of a one-line run, though only `--journal`, `--unit` and journal files ever use them.

#include <systemd/sd-journal.h>

#include <memory>
#include <string>

namespace logdx::input {

class JournalLibrary {
 public:
  // The soname Debian's libsystemd0 ships (what linking with -lsystemd would have recorded).
  static constexpr const char* kSoname = "libsystemd.so.0";
  // Throws InputError(input_name, ...) when the library or one of these functions cannot be
  // loaded: the message names the library and what the loader said.
  static std::shared_ptr<const JournalLibrary> load(const std::string& input_name,
                                                    const char* soname = kSoname);
  ~JournalLibrary();
  JournalLibrary(const JournalLibrary&) = delete;
  JournalLibrary& operator=(const JournalLibrary&) = delete;

  decltype(&sd_journal_open) open = nullptr;
  decltype(&sd_journal_open_directory) open_directory = nullptr;
  decltype(&sd_journal_open_files) open_files = nullptr;
  decltype(&sd_journal_close) close = nullptr;
  decltype(&sd_journal_add_match) add_match = nullptr;
  decltype(&sd_journal_add_disjunction) add_disjunction = nullptr;
  decltype(&sd_journal_seek_head) seek_head = nullptr;
  decltype(&sd_journal_next) next = nullptr;
  decltype(&sd_journal_get_cursor) get_cursor = nullptr;
  decltype(&sd_journal_get_realtime_usec) get_realtime_usec = nullptr;
  decltype(&sd_journal_get_monotonic_usec) get_monotonic_usec = nullptr;
  decltype(&sd_journal_restart_data) restart_data = nullptr;
  decltype(&sd_journal_enumerate_data) enumerate_data = nullptr;
  decltype(&sd_journal_get_fd) get_fd = nullptr;
  decltype(&sd_journal_wait) wait = nullptr;

 private:
  JournalLibrary() = default;
  void* handle_ = nullptr;  // dlopen's; dlclose at the end
};

}  // namespace logdx::input
