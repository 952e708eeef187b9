#pragma once
// The Hyperscan prefilter: one block-mode database of the rules' trigger patterns (for each
// condition the Matcher evaluates, the patterns one of which must hit when it holds; relaxed so
// that Hyperscan can only say "maybe" more often than RE2, never less), scanned over large
// line-aligned buffers of the raw input before the lines are parsed. A hit's end offset maps
// to its line. For each event the prefilter names every rule one of whose conditions may hold
// (a trigger hit; RE2 confirms and captures in the Matcher); whatever the buffer scan
// cannot vouch for (multi-line records, a message that is not a substring of its raw line,
// bytes never scanned) is scanned per event. The Matcher records the same hits for any
// candidate list that holds every such rule, so `--no-prefilter` and a build without
// Hyperscan give byte-identical results; only the speed differs.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "logdx/engine/compiled_rule.hpp"
#include "logdx/parsers/event.hpp"

namespace logdx {

// Whether this build has Hyperscan (or vectorscan).
bool prefilter_available();

// A trigger pattern the database could not take; RE2 checks it on every event instead.
struct RejectedPattern {
  PatternRef ref;
  std::string reason;
};

class PatternDatabase {
 public:
  // The database of `rules`' trigger patterns. Patterns the built-in pack's database `pack`
  // (compile_pack_database, made by the build) holds are served by it when it was compiled
  // for this CPU; the others (a user's rules, or all when the pack does not fit) are compiled,
  // or read from `cache_dir` (empty: no cache) when a valid entry for exactly these patterns
  // is there, in a database of their own, so adding a rule never recompiles the pack's. Null
  // when this build has no Hyperscan. `rules` must outlive the database.
  static std::unique_ptr<PatternDatabase> build(const RuleSet& rules,
                                                const std::string& cache_dir = {},
                                                std::string_view pack = {});
  ~PatternDatabase();
  PatternDatabase(const PatternDatabase&) = delete;
  PatternDatabase& operator=(const PatternDatabase&) = delete;

  static constexpr std::size_t kNoRule = static_cast<std::size_t>(-1);

  const RuleSet& rules() const { return rules_; }
  // The trigger patterns a database scans for.
  const std::vector<PatternRef>& refs() const { return refs_; }
  // Pattern id (as Hyperscan reports it) -> the rule it triggers; kNoRule for a pack
  // pattern no rule of this set uses (a pack rule a user disabled or changed).
  std::size_t rule_of(std::uint32_t id) const { return id_rules_[id]; }
  std::size_t id_count() const { return id_rules_.size(); }
  const std::vector<RejectedPattern>& rejected() const { return rejected_; }
  // Nothing was compiled: every pattern came from the pack's database or the cache.
  bool from_cache() const { return from_cache_; }

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  explicit PatternDatabase(const RuleSet& rules);
  void accept(const PatternRef& ref, std::uint32_t id);

  const RuleSet& rules_;
  std::vector<PatternRef> refs_;
  std::vector<std::size_t> id_rules_;
  std::vector<RejectedPattern> rejected_;
  bool from_cache_ = false;
  std::unique_ptr<Impl> impl_;
};

// The built-in pack's database, made at build time by the pack generator and embedded in the
// binary (prefilter/pack_database.hpp has the layout). Empty without Hyperscan.
std::string compile_pack_database(const RuleSet& rules);

// One reader's scanner (it owns Hyperscan scratch, so one per thread) over one input at a
// time. Feed it the input's bytes in order with scan_lines, then ask candidates() for each
// event of that input in input order.
class LinePrefilter {
 public:
  explicit LinePrefilter(const PatternDatabase& database);
  ~LinePrefilter();
  LinePrefilter(const LinePrefilter&) = delete;
  LinePrefilter& operator=(const LinePrefilter&) = delete;

  // Forgets the previous input's hits and coverage.
  void begin_input();
  // Scans `lines`, which start at byte `offset` of the input, begin at a line start and end
  // at a line end (or the input's end). Bytes skipped between calls are never vouched for.
  void scan_lines(std::string_view lines, std::uint64_t offset);
  // Sorted rule indexes: every rule whose match, step or `missing` may hold on `event` (a
  // trigger pattern hit; not always a subset of RuleSet::candidates, but the Matcher
  // records the same hits for both). Events must come
  // in input order (non-decreasing byte offsets); one out of order is scanned on its own.
  std::vector<std::size_t> candidates(const Event& event);

  // Start offsets of the lines with at least one hit still pending (for tests).
  std::vector<std::uint64_t> pending_hit_lines() const;

 private:
  struct Hit {
    std::uint64_t line_start = 0;
    std::uint32_t pattern = 0;
  };
  struct Scratch;

  bool covered(std::uint64_t start, std::uint64_t length) const;
  bool scan_text(std::string_view text, std::vector<std::uint32_t>& ids);
  void rules_of(const std::vector<std::uint32_t>& ids, const Event& event,
                std::vector<std::size_t>& out) const;

  const PatternDatabase& database_;
  std::unique_ptr<Scratch> scratch_;
  std::vector<Hit> pending_;  // hits of lines not yet asked for, by line start
  std::size_t pending_head_ = 0;
  std::uint64_t covered_from_ = 0;  // one run of scanned bytes [covered_from_, covered_to_)
  std::uint64_t covered_to_ = 0;
  std::uint64_t last_start_ = 0;            // the latest event start asked for
  std::vector<std::uint64_t> line_starts_;  // scratch of scan_lines
  std::vector<std::uint64_t> last_line_;    // per pattern: the last line it hit (dedup)
  std::vector<std::uint32_t> ids_;          // scratch of candidates
};

}  // namespace logdx
