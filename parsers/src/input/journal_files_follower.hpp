#pragma once
// --follow on a journal folder (--journal-dir) or journal files (--journal-file): one sd-journal
// per file, each read in its own order, and the folder looked at again for files that appear.
//
// Why not one sd-journal over the folder: it interleaves the files by time and, once at the
// end, returns only entries later than the last one it returned. A host whose file
// systemd-journal-remote makes while logdx follows uploads its backlog (older than what the
// other hosts said meanwhile), and a host whose clock or upload lags writes entries older than
// another host's last one: the merged reader skipped both, silently.

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "input/journal_source.hpp"
#include "logdx/parsers/byte_source.hpp"
#include "logdx/parsers/journal_selection.hpp"

namespace logdx::input {

class JournalFilesFollower final : public ByteSource {
 public:
  // Opens every journal file of the selection (archived ones first). A file that cannot be
  // opened yet (journal-remote still writing its header) is tried again at the next look;
  // an empty folder is waited on.
  JournalFilesFollower(JournalSelection selection, std::string name, const std::atomic<bool>& stop,
                       std::chrono::milliseconds poll);

  // Each file's new entries in turn, whole entries only; waits (polling, and looking for new
  // files) while none has any, until `stop`.
  std::size_t read(std::span<char> buffer) override;
  void on_idle(std::function<void()> callback) override { on_idle_ = std::move(callback); }

 private:
  using FileKey = std::pair<dev_t, ino_t>;
  struct Member {
    FileKey key;
    std::unique_ptr<JournalSource> source;
    bool gone = false;  // no longer in the folder: dropped once read to its end
  };
  // Opens the files not yet followed (known by inode: an archived file is renamed, not new)
  // and marks the followed ones that are gone.
  void look_again();

  JournalSelection selection_;
  std::string name_;
  const std::atomic<bool>& stop_;
  std::chrono::milliseconds poll_;
  std::vector<Member> members_;
  std::set<FileKey> known_;
  std::size_t current_ = 0;  // the member being read; kept while it is mid-entry
  std::uint64_t waits_ = 0;  // quiet polls so far
  std::function<void()> on_idle_;
};

// The journal files of a folder as sd-journal finds them: `*.journal` in the folder and in its
// machine-id subfolders (/var/log/journal/<id>/), archived ones (`name@...journal`) before the
// live ones, each group in name order.
std::vector<std::string> journal_files_in(const std::string& folder);

}  // namespace logdx::input
