#pragma once
// The hits of the records read so far from one physical line. Paste cleaning hands text quoted
// inside a sentence to the rules as a record of its own, on the sentence's line
// (parsers/src/paste/quoted_fragments.cpp); a rule that matched the sentence itself would find
// the same failure twice on one line and say "seen 2 times". A hit whose record is text held
// in a record of the same line that the same rule, role and step already matched, with the
// same key values, is that occurrence again. A second quote with other values (another port) is
// another occurrence, and two records glued on one line (a lost newline) are two texts,
// neither holding the other: both count. Events without a line number (line 0, from callers
// of the engine's API) are never taken for one another.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace logdx::analysis {

class LineOccurrences {
 public:
  // Called for every record: a record of another line than the last one's starts afresh.
  void start_record(std::uint32_t input_index, std::uint64_t line);

  // Whether `rule` (with this role and step) already matched an earlier record of this line
  // whose message holds `message`, with the same `key` (the hit's key values, joined).
  bool seen(std::uint32_t rule, int role, int step, std::string_view message,
            std::string_view key) const;

  // The current record, with `message`, hit `rule` with this role and step and `key`.
  void add(std::uint32_t rule, int role, int step, std::string_view message,
           std::string_view key);

 private:
  struct LineHit {
    std::uint32_t rule;
    int role;
    int step;
    std::size_t message;  // index into messages_
    std::string key;
  };

  std::uint32_t input_ = 0;
  std::uint64_t line_ = 0;
  bool started_ = false;
  bool untracked_ = false;  // the current record has no line number
  // Messages of the line's records that hit something, and the record being read's, which
  // add() appends once. Cleared, not freed, at each new line: no allocation per line.
  std::vector<std::string> messages_;
  std::size_t used_ = 0;        // messages_[0, used_) are this line's
  bool current_added_ = false;  // the current record's message is messages_[used_ - 1]
  std::vector<LineHit> hits_;
};

}  // namespace logdx::analysis
