#pragma once
// `--follow` for files: bytes appended to a file after the part already read, as they arrive,
// the way `tail -F` follows it: a file truncated in place is read again from its start, a file
// renamed away (logrotate) is read to its end and the new file at the path from its start.
// read() waits (polling) for data and returns 0 only once `stop` is set.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "logdx/parsers/byte_source.hpp"

namespace logdx {

struct FollowOptions {
  std::uint64_t start_offset = 0;  // bytes already read by the first pass
  std::chrono::milliseconds poll{100};
};

std::unique_ptr<ByteSource> open_following_source(const std::string& path, std::string name,
                                                  const FollowOptions& options,
                                                  const std::atomic<bool>& stop);

// Live inputs under --follow: standard input until its end (or `stop`), and the journal,
// whose reader waits for new entries (sd_journal_wait) instead of ending. Both poll, so a
// stop is noticed within `poll` even when nothing arrives. A journal folder or journal files
// are followed file by file, and the folder's new files are read as they appear (a host's
// first upload to systemd-journal-remote makes one).
std::unique_ptr<ByteSource> open_following_stdin(std::string name, const FollowOptions& options,
                                                 const std::atomic<bool>& stop);
std::unique_ptr<ByteSource> open_following_journal(const ResolvedInput& input,
                                                   const FollowOptions& options,
                                                   const std::atomic<bool>& stop);

}  // namespace logdx
