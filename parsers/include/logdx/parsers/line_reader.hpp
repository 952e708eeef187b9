#pragma once
// Splits a ByteSource into physical lines using a fixed-size buffer (memchr over large
// blocks), so memory stays flat however big the input is. Lines longer than the limit are
// cut into pieces of at most `max_line_bytes`, each piece a Line with `cut` set, and counted.

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <string_view>

#include "logdx/parsers/byte_source.hpp"
#include "logdx/parsers/content_digest.hpp"

namespace logdx {

struct Line {
  std::string_view text;     // without "\n"; a trailing "\r" is kept (the cleaner drops it)
  std::uint64_t number = 0;  // 1-based physical line number
  std::uint64_t byte_offset = 0;
  bool cut = false;  // a piece of an over-long line
};

class LineReader {
 public:
  static constexpr std::size_t kDefaultBlock = 1 << 20;    // 1 MiB reads
  static constexpr std::size_t kDefaultMaxLine = 1 << 20;  // 1 MiB per line

  // Sees the input's bytes ahead of the lines, in whole lines: each call gets bytes that start
  // at a line start and end after a '\n' (or at the end of input), with their offset in the
  // input. Bytes of a line too long to fit the buffer whole are never shown (the next call's
  // offset then jumps past them). The prefilter scans these before the lines are parsed.
  using Observer = std::function<void(std::string_view lines, std::uint64_t offset)>;

  explicit LineReader(ByteSource& source, std::size_t max_line_bytes = kDefaultMaxLine,
                      std::size_t block_bytes = kDefaultBlock);

  // The next line, valid until the following call. False at the end of input.
  // Throws InputError from the source, after the lines read before the error (including a
  // last partial one) have been delivered.
  bool next(Line& line);

  std::uint64_t lines_cut() const { return lines_cut_; }  // over-long lines (not pieces)
  std::uint64_t bytes_read() const { return bytes_read_; }
  std::uint64_t lines_read() const { return line_number_; }  // physical lines so far
  // XXH3 of every byte read so far (the whole input once next() has returned false).
  std::string content_hash() const { return digest_.hex(); }
  void set_observer(Observer observer) { observer_ = std::move(observer); }

 private:
  bool refill();
  void observe();

  ByteSource& source_;
  std::size_t max_line_;
  // Not zero-filled (make_unique_for_overwrite): a one-line input touches one page of it,
  // not 2 MiB, which was a tenth of a one-line run's CPU time.
  std::size_t capacity_;
  std::unique_ptr<char[]> buffer_;
  std::size_t begin_ = 0;  // start of unread data in buffer_
  std::size_t end_ = 0;    // end of valid data in buffer_
  bool eof_ = false;
  std::exception_ptr error_;  // a source error held back until the buffered lines are out
  bool in_long_line_ = false;
  std::uint64_t line_number_ = 0;
  std::uint64_t offset_ = 0;
  std::uint64_t lines_cut_ = 0;
  std::uint64_t bytes_read_ = 0;
  ContentDigest digest_;
  Observer observer_;
  std::uint64_t observed_to_ = 0;  // input offset up to which the observer has seen bytes
};

}  // namespace logdx
