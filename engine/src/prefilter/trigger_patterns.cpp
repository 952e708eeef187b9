#include "prefilter/trigger_patterns.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace logdx::prefilter {
namespace {

using Kind = Condition::Kind;

bool is_scanned(const CompiledPattern& p) {
  return p.positive && p.role != CompiledPattern::Role::field_value &&
         (p.field.empty() || p.field == "raw");
}

struct Triggers {
  std::vector<std::size_t> patterns;
  int score = 0;  // the weakest pattern's literal run: one weak pattern makes the set weak
};

// The patterns one of which must hit when `c` holds; nullopt when `c` can hold without any.
std::optional<Triggers> triggers_of(const CompiledCondition& c, const CompiledRule& rule) {
  switch (c.kind) {
    case Kind::regex: {
      const auto index = static_cast<std::size_t>(c.pattern);
      if (c.pattern < 0 || !is_scanned(rule.patterns[index])) return std::nullopt;
      return Triggers{{index}, literal_run(rule.patterns[index].expanded)};
    }
    case Kind::any: {
      Triggers all;
      all.score = 1 << 20;
      for (const CompiledCondition& child : c.children) {
        auto t = triggers_of(child, rule);
        if (!t) return std::nullopt;
        all.patterns.insert(all.patterns.end(), t->patterns.begin(), t->patterns.end());
        all.score = std::min(all.score, t->score);
      }
      if (c.children.empty()) return std::nullopt;
      return all;
    }
    case Kind::all: {
      std::optional<Triggers> best;
      for (const CompiledCondition& child : c.children) {
        auto t = triggers_of(child, rule);
        if (t && (!best || t->score > best->score ||
                  (t->score == best->score && t->patterns.size() < best->patterns.size()))) {
          best = std::move(t);
        }
      }
      return best;
    }
    default:
      return std::nullopt;
  }
}

// Every scanned pattern of `c` (the fallback when a condition has no trigger set: the
// compiler refuses such rules, but the prefilter must stay correct regardless).
void all_scanned(const CompiledCondition& c, const CompiledRule& rule,
                 std::vector<std::size_t>& out) {
  if (c.kind == Kind::regex && c.pattern >= 0 &&
      is_scanned(rule.patterns[static_cast<std::size_t>(c.pattern)])) {
    out.push_back(static_cast<std::size_t>(c.pattern));
  }
  for (const CompiledCondition& child : c.children) all_scanned(child, rule, out);
}

void add_condition(const CompiledCondition& c, const CompiledRule& rule,
                   std::vector<std::size_t>& out) {
  if (auto t = triggers_of(c, rule)) {
    out.insert(out.end(), t->patterns.begin(), t->patterns.end());
  } else {
    all_scanned(c, rule, out);
  }
}

}  // namespace

namespace {

bool quantifier_at(std::string_view p, std::size_t i) {
  return i < p.size() && (p[i] == '*' || p[i] == '?' || p[i] == '{');
}

// The literal run score of the sequence starting at `i`, up to its ')' or the end; `|` at
// this level takes the weakest alternative. `i` ends on the ')' (or at the end).
int sequence_score(std::string_view p, std::size_t& i) {
  int weakest = 1 << 20;
  int best = 0;
  int run = 0;
  for (; i < p.size() && p[i] != ')'; ++i) {
    const char c = p[i];
    if (c == '|') {
      weakest = std::min(weakest, best);
      best = run = 0;
    } else if (c == '(') {
      ++i;
      if (i < p.size() && p[i] == '?') {  // (?:  (?P<name>  (?i:  (?i)
        while (i < p.size() && p[i] != ':' && p[i] != ')' && p[i] != '>') ++i;
        if (i < p.size() && p[i] == ')') {  // a flags group such as (?i): no content
          run = 0;
          continue;
        }
        ++i;
      }
      int group = sequence_score(p, i);
      if (quantifier_at(p, i + 1)) group = 0;  // (...)? or (...)* may be absent
      best = std::max(best, group);
      run = 0;
    } else if (c == '[') {
      ++i;
      if (i < p.size() && p[i] == '^') ++i;
      if (i < p.size() && p[i] == ']') ++i;
      while (i < p.size() && p[i] != ']') i += p[i] == '\\' ? 2 : 1;
      run = 0;
    } else {
      bool literal = std::string_view(".*+?{}^$").find(c) == std::string_view::npos;
      if (c == '\\' && i + 1 < p.size()) {
        ++i;
        literal = std::ispunct(static_cast<unsigned char>(p[i])) != 0;
      }
      if (!literal || quantifier_at(p, i + 1)) {
        run = 0;
      } else {
        best = std::max(best, ++run);
      }
    }
  }
  return std::min(weakest, best);
}

}  // namespace

int literal_run(std::string_view p) {
  std::size_t i = 0;
  int score = 0;
  while (i < p.size()) {  // a stray ')' ends a sequence early: score what follows too
    score = std::max(score, sequence_score(p, i));
    ++i;
  }
  return score;
}

std::vector<std::size_t> trigger_patterns(const CompiledRule& rule) {
  std::vector<std::size_t> out;
  add_condition(rule.match, rule, out);
  if (rule.correlate) {
    for (const CompiledCondition& step : rule.correlate->steps) add_condition(step, rule, out);
    if (rule.correlate->missing) add_condition(*rule.correlate->missing, rule, out);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace logdx::prefilter
