#include "rules/placeholder_coverage.hpp"

#include <algorithm>
#include <iterator>

#include "analysis/placeholder.hpp"
#include "rules/pattern_expander.hpp"

namespace logdx::rules {
namespace {

using Names = std::set<std::string, std::less<>>;

// One open group of the pattern text: its own name (capturing groups), whether a `|` sits at
// its level, and the named groups inside it.
struct Frame {
  std::string name;
  bool alternation = false;
  std::vector<std::string> inside;
};

// The end of the class that opens at text[at] ('['): `]` right after `[` or `[^` is literal.
std::size_t class_end(std::string_view text, std::size_t at) {
  std::size_t i = at + 1;
  if (i < text.size() && text[i] == '^') ++i;
  if (i < text.size() && text[i] == ']') ++i;
  for (; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '[' && i + 1 < text.size() && text[i + 1] == ':') {
      const std::size_t close = text.find(":]", i + 2);
      if (close != std::string_view::npos) i = close + 1;
    } else if (text[i] == ']') {
      return i;
    }
  }
  return text.size();
}

// Whether the quantifier at text[at] lets its atom match zero times: ?, *, {0...}.
bool allows_zero(std::string_view text, std::size_t at) {
  if (at >= text.size()) return false;
  if (text[at] == '?' || text[at] == '*') return true;
  return text.substr(at).starts_with("{0");
}

// After '(' at text[at]: the group's name (empty when not capturing by name), how many bytes
// its opening takes, and whether it is only a flag setting, "(?i)", which opens no group.
struct Opening {
  std::string name;
  std::size_t length = 1;
  bool flags_only = false;
};

Opening read_opening(std::string_view text, std::size_t at) {
  Opening o;
  const std::string_view rest = text.substr(at);
  if (rest.starts_with("(?P<") || rest.starts_with("(?<")) {
    const std::size_t open = rest.find('<');
    const std::size_t close = rest.find('>', open);
    if (close != std::string_view::npos) {
      o.name = std::string(rest.substr(open + 1, close - open - 1));
      o.length = close + 1;
    }
    return o;
  }
  if (!rest.starts_with("(?")) return o;
  std::size_t i = 2;
  while (i < rest.size() && rest[i] != ':' && rest[i] != ')') ++i;
  o.length = i + 1;
  o.flags_only = i < rest.size() && rest[i] == ')';
  return o;
}

void close_frame(std::vector<Frame>& frames, bool optional, Names& maybe) {
  Frame done = std::move(frames.back());
  frames.pop_back();
  if (done.alternation || optional) {
    for (const std::string& name : done.inside) maybe.insert(name);
  }
  if (!done.name.empty()) {
    if (optional) maybe.insert(done.name);
    done.inside.push_back(done.name);
  }
  auto& parent = frames.back().inside;
  parent.insert(parent.end(), done.inside.begin(), done.inside.end());
}

// Names the intersection of `a` and `b`.
Names common(const Names& a, const Names& b) {
  Names out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
  return out;
}

Names always_of(const CompiledCondition& condition, const CompiledRule& rule) {
  using Kind = Condition::Kind;
  switch (condition.kind) {
    case Kind::regex: {
      if (condition.pattern < 0) return {};
      const CompiledPattern& p = rule.patterns[static_cast<std::size_t>(condition.pattern)];
      return p.positive ? always_captured_groups(p.expanded.view()) : Names{};
    }
    case Kind::all: {
      Names out;
      for (const CompiledCondition& child : condition.children) out.merge(always_of(child, rule));
      return out;
    }
    case Kind::any: {
      if (condition.children.empty()) return {};
      Names out = always_of(condition.children.front(), rule);
      for (std::size_t i = 1; i < condition.children.size(); ++i) {
        out = common(out, always_of(condition.children[i], rule));
      }
      return out;
    }
    default:
      return {};
  }
}

void check_text(const LocatedString& text, const Names& always, const Names& captures,
                const std::string* when, const std::string& rule,
                std::vector<RuleDiagnostic>& out) {
  const std::string& s = text.value;
  for (std::size_t open = s.find('{'); open != std::string::npos; open = s.find('{', open + 1)) {
    const auto p = analysis::placeholder_at(s, open);
    if (!p) continue;
    const bool fallback = std::any_of(p->filters.begin(), p->filters.end(),
                                      [](const auto& f) { return f.name == "or"; });
    if (fallback || !captures.contains(p->name) || always.contains(p->name)) continue;
    if (when != nullptr && *when == p->name) continue;
    const std::string written = s.substr(open, p->length);
    out.push_back(make_rule_diagnostic(RuleProblem::optional_placeholder,
                                       position_in(text, open, written),
                                       {std::string(p->name), rule, std::string(p->name)}));
  }
}

}  // namespace

Names always_captured_groups(std::string_view text) {
  std::vector<Frame> frames(1);  // the whole pattern
  Names maybe;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\') {
      ++i;
    } else if (c == '[') {
      i = class_end(text, i);
    } else if (c == '(') {
      const Opening o = read_opening(text, i);
      if (!o.flags_only) frames.push_back(Frame{o.name, false, {}});
      i += o.length - 1;
    } else if (c == '|') {
      frames.back().alternation = true;
    } else if (c == ')' && frames.size() > 1) {
      close_frame(frames, allows_zero(text, i + 1), maybe);
    }
  }
  while (frames.size() > 1) close_frame(frames, false, maybe);  // unbalanced: RE2 refuses it
  Names out;
  if (frames.front().alternation) return out;
  for (const std::string& name : frames.front().inside) {
    if (!maybe.contains(name)) out.insert(name);
  }
  return out;
}

void check_placeholder_coverage(const RuleDef& def, const CompiledRule& rule,
                                std::vector<RuleDiagnostic>& out) {
  if (rule.correlate) return;
  const Names always = always_of(rule.match, rule);
  Names captures(rule.capture_names.begin(), rule.capture_names.end());
  for (const auto& [name, value] : rule.facts) captures.erase(name);  // a fact is always set
  if (def.title) check_text(*def.title, always, captures, nullptr, rule.id, out);
  if (!def.fixes) return;
  for (const Fix& fix : *def.fixes) {
    const std::string* when = fix.when ? &fix.when->value : nullptr;
    check_text(fix.text, always, captures, when, rule.id, out);
    if (fix.file) check_text(*fix.file, always, captures, when, rule.id, out);
  }
}

}  // namespace logdx::rules
