#pragma once
// Which of a list of reset parsers may take a line, from its first byte and the few marker
// bytes it holds (StartBytes): the peelers offer every message and every prefix boundary of
// plain text to every peelable or specific parser, and a prose line's first letter and its
// lack of a '|', '[' or ':' rule out nearly all of them before any virtual call. The lists keep
// the parsers' order (most specific first), so the first claim is the same as without them.

#include <array>
#include <cstdint>
#include <iterator>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "logdx/parsers/envelope_parser.hpp"

namespace logdx {

class StartTable {
  // A parser a first byte leaves possible: outright (`held` 0), or only when the line holds one
  // of its held bytes (`held`: their bits, see marker_bit_).
  struct Entry {
    std::uint16_t index;
    std::uint32_t held;
  };

 public:
  // The indexes (ascending) a line admits: a first byte's entries, less those whose held bytes
  // the line lacks. Iterating it costs a test per entry and allocates nothing.
  class Candidates {
   public:
    class iterator {
     public:
      using iterator_category = std::forward_iterator_tag;
      using value_type = std::uint16_t;
      using difference_type = std::ptrdiff_t;
      using pointer = const std::uint16_t*;
      using reference = std::uint16_t;
      iterator() = default;
      iterator(const Entry* at, const Entry* end, std::uint32_t holds)
          : at_(at), end_(end), holds_(holds) {
        skip();
      }
      std::uint16_t operator*() const { return at_->index; }
      iterator& operator++() {
        ++at_;
        skip();
        return *this;
      }
      iterator operator++(int) {
        iterator before = *this;
        ++*this;
        return before;
      }
      bool operator==(const iterator& other) const { return at_ == other.at_; }

     private:
      void skip() {
        while (at_ != end_ && at_->held != 0 && (at_->held & holds_) == 0) ++at_;
      }
      const Entry* at_ = nullptr;
      const Entry* end_ = nullptr;
      std::uint32_t holds_ = 0;
    };

    Candidates(std::span<const Entry> entries, std::uint32_t holds)
        : entries_(entries), holds_(holds) {}
    iterator begin() const {
      return {entries_.data(), entries_.data() + entries_.size(), holds_};
    }
    iterator end() const {
      return {entries_.data() + entries_.size(), entries_.data() + entries_.size(), holds_};
    }
    bool empty() const { return begin() == end(); }
    std::size_t size() const { return static_cast<std::size_t>(std::distance(begin(), end())); }

   private:
    std::span<const Entry> entries_;
    std::uint32_t holds_;
  };

  explicit StartTable(const std::vector<std::unique_ptr<EnvelopeParser>>& parsers);

  // The parsers whose gate may pass `line` in the reset state.
  Candidates candidates(std::string_view line) const;
  // The same with `holds` given: holds() of `line` or of a line `line` is a part of (a
  // superset of held bytes admits a superset of parsers, which is always right).
  Candidates candidates(std::string_view line, std::uint32_t holds) const;
  // The bits of the held bytes `line` holds.
  std::uint32_t holds(std::string_view line) const { return holds(line, all_markers_); }

 private:
  // Lines up to this long are read byte by byte; longer ones (JSON records, access lines) by
  // one vectorised memchr per held byte asked for, which costs less on them.
  static constexpr std::size_t kShortLine = 64;

  // The bits among `wanted` of the held bytes `line` holds.
  std::uint32_t holds(std::string_view line, std::uint32_t wanted) const;
  // At most this many distinct held bytes get a bit; a parser holding more is asked of every
  // line (a superset is always right).
  static constexpr std::size_t kMaxMarkers = 32;

  std::span<const Entry> listed(unsigned char first) const;

  // 256 lists, one per first byte, kept as one array cut at offsets: a table is built for
  // every input, and 256 growing vectors cost thousands of allocations at each start-up
  // (most of a one-line run's allocations; each is dear under the sanitizers).
  std::vector<Entry> entries_;             // byte b's list is [offsets_[b], offsets_[b + 1])
  std::array<std::uint32_t, 257> offsets_{};
  std::array<std::uint32_t, 256> wanted_{};      // per first byte: its list's held bits
  std::array<std::uint32_t, 256> marker_bit_{};  // per byte: its bit as a held byte, or 0
  std::vector<char> markers_;                    // the held bytes, by bit (bit i: markers_[i])
  std::uint32_t all_markers_ = 0;
  std::vector<Entry> all_;                 // an empty line: every parser, outright
};

}  // namespace logdx
