// LinePrefilter: buffer scans record (line start, pattern) hits; candidates() turns the hits
// of an event's line into exactly the rules RuleSet::candidates would name.
#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "prefilter/hs_database.hpp"

namespace logdx {
namespace prefilter {

#ifdef LOGDX_HAVE_HYPERSCAN
namespace {

int on_match(unsigned int id, unsigned long long /*from*/, unsigned long long to,
             unsigned int /*flags*/, void* context) {
  (*static_cast<const MatchSink*>(context))(id, to);
  return 0;
}

}  // namespace

HsScratch::HsScratch(const PatternDatabase& database) : database_(database) {
  // One scratch serves both databases (hs_alloc_scratch grows it to fit each).
  for (hs_database_t* db : {database_.impl().pack, database_.impl().own}) {
    if (db != nullptr && hs_alloc_scratch(db, &scratch_) != HS_SUCCESS) {
      throw std::runtime_error("Hyperscan: cannot allocate scratch space");
    }
  }
}

HsScratch::~HsScratch() {
  if (scratch_ != nullptr) hs_free_scratch(scratch_);
}

bool HsScratch::scan(std::string_view text, const MatchSink& sink) {
  const PatternDatabase::Impl& impl = database_.impl();
  if (text.empty()) return true;
  if (impl.pack != nullptr &&
      hs_scan(impl.pack, text.data(), static_cast<unsigned int>(text.size()), 0, scratch_, on_match,
              const_cast<MatchSink*>(&sink)) != HS_SUCCESS) {
    return false;
  }
  if (impl.own == nullptr) return true;
  const std::uint32_t offset = impl.own_offset;
  const MatchSink shifted = [&sink, offset](std::uint32_t id, std::uint64_t end) {
    sink(id + offset, end);
  };
  return hs_scan(impl.own, text.data(), static_cast<unsigned int>(text.size()), 0, scratch_,
                 on_match, const_cast<MatchSink*>(&shifted)) == HS_SUCCESS;
}

#else

HsScratch::HsScratch(const PatternDatabase& database) : database_(database) {}
HsScratch::~HsScratch() = default;
bool HsScratch::scan(std::string_view, const MatchSink&) { return false; }

#endif

}  // namespace prefilter

struct LinePrefilter::Scratch {
  explicit Scratch(const PatternDatabase& database) : hs(database) {}
  prefilter::HsScratch hs;
};

LinePrefilter::LinePrefilter(const PatternDatabase& database)
    : database_(database),
      scratch_(std::make_unique<Scratch>(database)),
      last_line_(database.id_count(), 0) {}

LinePrefilter::~LinePrefilter() = default;

void LinePrefilter::begin_input() {
  pending_.clear();
  pending_head_ = 0;
  covered_from_ = covered_to_ = 0;
  last_start_ = 0;
  std::fill(last_line_.begin(), last_line_.end(), 0);
}

void LinePrefilter::scan_lines(std::string_view lines, std::uint64_t offset) {
  if (offset != covered_to_) covered_from_ = offset;  // a gap: what came before is not vouched
  covered_to_ = offset + lines.size();
  // Hyperscan takes at most 4 GiB per call; the line reader's buffers are far smaller.
  if (lines.size() > 0xffffffffULL) throw std::length_error("prefilter buffer over 4 GiB");
  line_starts_.assign(1, 0);
  const char* base = lines.data();
  for (const char* p = base; (p = static_cast<const char*>(
                                  std::memchr(p, '\n', lines.size() - (p - base)))) != nullptr;) {
    ++p;
    if (p == base + lines.size()) break;
    line_starts_.push_back(static_cast<std::uint64_t>(p - base));
  }
  const std::size_t first_new = pending_.size();
  const prefilter::MatchSink sink = [&](std::uint32_t id, std::uint64_t end) {
    // A match ending at `end` has its last byte at end - 1: that byte's line is the hit.
    const std::uint64_t last = end == 0 ? 0 : end - 1;
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), last);
    const std::uint64_t line_start = offset + *(it - 1);
    if (last_line_[id] == line_start + 1) return;  // this pattern already hit this line
    last_line_[id] = line_start + 1;
    pending_.push_back({line_start, id});
  };
  if (!scratch_->hs.scan(lines, sink)) {
    covered_from_ = covered_to_;  // nothing here is vouched for: these events scan themselves
  }
  std::sort(pending_.begin() + static_cast<std::ptrdiff_t>(first_new), pending_.end(),
            [](const Hit& a, const Hit& b) { return a.line_start < b.line_start; });
}

bool LinePrefilter::covered(std::uint64_t start, std::uint64_t length) const {
  return start >= covered_from_ && start + length <= covered_to_;
}

bool LinePrefilter::scan_text(std::string_view text, std::vector<std::uint32_t>& ids) {
  const prefilter::MatchSink sink = [&ids](std::uint32_t id, std::uint64_t) { ids.push_back(id); };
  return scratch_->hs.scan(text, sink);
}

void LinePrefilter::rules_of(const std::vector<std::uint32_t>& ids, const Event& event,
                             std::vector<std::size_t>& out) const {
  // A Hyperscan hit is not checked again here: the Matcher evaluates the rule's conditions
  // with RE2 anyway (confirming and capturing), and a false "maybe" only costs that
  // evaluation. Patterns Hyperscan refused are checked by RE2 on every event.
  for (std::uint32_t id : ids) {
    const std::size_t rule = database_.rule_of(id);
    if (rule != PatternDatabase::kNoRule) out.push_back(rule);
  }
  const auto& rules = database_.rules().rules();
  for (const RejectedPattern& rejected : database_.rejected()) {
    const CompiledPattern& pattern = rules[rejected.ref.rule].patterns[rejected.ref.pattern];
    const std::string& text = pattern.field == "raw" ? event.raw : event.message;
    if (RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), pattern.re->get())) {
      out.push_back(rejected.ref.rule);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

std::vector<std::size_t> LinePrefilter::candidates(const Event& event) {
  const std::uint64_t start = event.where.byte_offset;
  // Hits of lines before `start` are dropped below; an event out of input order would lose
  // its hits, so such an event (none are known) is scanned on its own.
  const bool in_order = start >= last_start_;
  last_start_ = std::max(last_start_, start);
  while (pending_head_ < pending_.size() && pending_[pending_head_].line_start < start) {
    ++pending_head_;
  }
  if (pending_head_ > 4096 && pending_head_ * 2 > pending_.size()) {
    pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(pending_head_));
    pending_head_ = 0;
  }
  ids_.clear();
  const std::string& raw = event.raw;
  const std::string& message = event.message;
  bool scanned = true;
  if (in_order && event.where.line_count == 1 && !raw.empty() && covered(start, raw.size())) {
    // The buffer scan saw this line: its hits cover the raw field, and the message too when
    // the message is a substring of it (the envelope around it stripped, nothing unescaped).
    for (std::size_t k = pending_head_; k < pending_.size() && pending_[k].line_start == start;
         ++k) {
      ids_.push_back(pending_[k].pattern);
    }
    const bool inside = message.size() <= raw.size() &&
                        (raw.compare(raw.size() - message.size(), message.size(), message) == 0 ||
                         raw.find(message) != std::string::npos);
    if (!inside) scanned = scan_text(message, ids_);
  } else {
    scanned = scan_text(raw, ids_) && scan_text(message, ids_);
  }
  std::vector<std::size_t> out;
  if (!scanned) {  // Hyperscan failed: every rule is a candidate, which is always correct
    out.resize(database_.rules().rules().size());
    for (std::size_t r = 0; r < out.size(); ++r) out[r] = r;
    return out;
  }
  std::sort(ids_.begin(), ids_.end());
  ids_.erase(std::unique(ids_.begin(), ids_.end()), ids_.end());
  rules_of(ids_, event, out);
  return out;
}

std::vector<std::uint64_t> LinePrefilter::pending_hit_lines() const {
  std::vector<std::uint64_t> out;
  for (std::size_t k = pending_head_; k < pending_.size(); ++k) {
    if (out.empty() || out.back() != pending_[k].line_start) out.push_back(pending_[k].line_start);
  }
  return out;
}

}  // namespace logdx
