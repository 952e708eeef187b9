// LineReader: one fixed buffer of max_line + block bytes. Unread bytes (at most one partial
// line of max_line bytes) move to the front before each read, so a read always has at
// least `block` bytes of room and the buffer never grows.

#include "logdx/parsers/line_reader.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

namespace logdx {

LineReader::LineReader(ByteSource& source, std::size_t max_line_bytes, std::size_t block_bytes)
    : source_(source),
      max_line_(std::max<std::size_t>(max_line_bytes, 1)),
      capacity_(max_line_ + std::max<std::size_t>(block_bytes, 1)),
      buffer_(std::make_unique_for_overwrite<char[]>(capacity_)) {}

bool LineReader::refill() {
  if (begin_ > 0) {
    std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  std::size_t got = 0;
  try {
    got = source_.read(std::span<char>(buffer_.get() + end_, capacity_ - end_));
  } catch (const InputError&) {
    // Deliver what is buffered first: the good part of a truncated .gz is still evidence.
    error_ = std::current_exception();
  }
  if (got == 0) {
    eof_ = true;
    observe();
    return false;
  }
  digest_.update(std::string_view(buffer_.get() + end_, got));
  end_ += got;
  bytes_read_ += got;
  observe();
  return true;
}

void LineReader::observe() {
  if (!observer_) return;
  const std::uint64_t base = offset_ - begin_;  // input offset of buffer_[0]
  std::size_t from = 0;
  if (observed_to_ >= base) {
    from = static_cast<std::size_t>(observed_to_ - base);
  } else {
    // Bytes went by unseen (a line longer than the buffer): resume at the next line start.
    const void* newline = std::memchr(buffer_.get(), '\n', end_);
    if (newline == nullptr) return;
    from = static_cast<std::size_t>(static_cast<const char*>(newline) - buffer_.get()) + 1;
  }
  if (from >= end_) return;
  std::size_t to = end_;
  if (!eof_) {
    const void* last = memrchr(buffer_.get() + from, '\n', end_ - from);
    if (last == nullptr) return;  // no whole line yet
    to = static_cast<std::size_t>(static_cast<const char*>(last) - buffer_.get()) + 1;
  }
  observer_(std::string_view(buffer_.get() + from, to - from), base + from);
  observed_to_ = base + to;
}

bool LineReader::next(Line& line) {
  std::size_t scanned = 0;  // bytes after begin_ already known to hold no '\n'
  for (;;) {
    const std::size_t available = end_ - begin_;
    // One byte past max_line tells "exactly max_line then '\n'" from "longer".
    const std::size_t window = std::min(available, max_line_ + 1);
    const char* start = buffer_.get() + begin_;
    const void* newline =
        window > scanned ? std::memchr(start + scanned, '\n', window - scanned) : nullptr;
    std::size_t length = 0;
    std::size_t consumed = 0;
    if (newline != nullptr) {
      length = static_cast<std::size_t>(static_cast<const char*>(newline) - start);
      consumed = length + 1;
    } else if (available > max_line_) {
      length = consumed = max_line_;  // a piece of an over-long line
      if (!in_long_line_) ++lines_cut_;
    } else if (!eof_) {
      refill();  // moves the data: recompute everything from begin_
      scanned = window;
      continue;
    } else if (available > 0) {
      length = consumed = available;  // the last line has no '\n'
    } else {
      in_long_line_ = false;
      if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
      return false;
    }
    const bool piece_of_long_line = newline == nullptr && available > max_line_;
    if (!in_long_line_) ++line_number_;
    line.text = std::string_view(start, length);
    line.number = line_number_;
    line.byte_offset = offset_;
    line.cut = in_long_line_ || piece_of_long_line;
    in_long_line_ = piece_of_long_line;
    begin_ += consumed;
    offset_ += consumed;
    return true;
  }
}

}  // namespace logdx
