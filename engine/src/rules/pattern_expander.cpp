#include "rules/pattern_expander.hpp"

#include <re2/re2.h>

namespace logdx::rules {
namespace {

// Matches nothing: in Latin-1 every byte is in 0x00-0xff. (RE2 has no (?!).)
constexpr std::string_view kNever = "[^\\x00-\\xff]";

std::string list_alternation(const ListDef& list) {
  if (list.values.empty()) return std::string(kNever);
  std::string out = "(?:";
  for (std::size_t i = 0; i < list.values.size(); ++i) {
    if (i > 0) out += '|';
    out += RE2::QuoteMeta(list.values[i].value);
  }
  out += ')';
  return out;
}

class Expander {
 public:
  Expander(const RuleCollection& collection, std::vector<RuleDiagnostic>& out)
      : collection_(collection), out_(out) {}

  // `text` is the pattern itself at depth 0 (positions are exact there), a macro's fragment
  // deeper down (problems then point at the macro's definition).
  std::optional<std::string> expand(const LocatedString& text, int depth) {
    std::string result;
    bool ok = true;
    std::size_t pos = 0;
    const std::string& s = text.value;
    while (pos < s.size()) {
      const std::size_t open = s.find("{{", pos);
      const std::size_t close = open == std::string::npos ? open : s.find("}}", open + 2);
      if (close == std::string::npos) {
        result.append(s, pos);
        break;
      }
      result.append(s, pos, open - pos);
      const std::string name = s.substr(open + 2, close - open - 2);
      // Where the reference is, worked out only for a problem: finding a line in the
      // rule file's text for every reference was a tenth of the pack's load time.
      const auto at = [&] {
        return position_in(text, open, std::string_view(s).substr(open, close + 2 - open));
      };
      if (auto piece = resolve(name, at, depth)) {
        result += *piece;
      } else {
        ok = false;
      }
      pos = close + 2;
    }
    if (!ok) return std::nullopt;
    return result;
  }

 private:
  template <typename Where>
  std::optional<std::string> resolve(const std::string& name, const Where& at, int depth) {
    if (name.starts_with("list:")) {
      auto list = collection_.lists.find(std::string_view(name).substr(5));
      if (list == collection_.lists.end()) {
        out_.push_back(make_rule_diagnostic(RuleProblem::unknown_list, at(), {name.substr(5)}));
        return std::nullopt;
      }
      return list_alternation(list->second);
    }
    auto macro = collection_.macros.find(name);
    if (macro == collection_.macros.end()) {
      out_.push_back(make_rule_diagnostic(RuleProblem::unknown_macro, at(), {name}));
      return std::nullopt;
    }
    if (depth >= kMaxMacroDepth) {
      out_.push_back(make_rule_diagnostic(
          RuleProblem::bad_regex, at(),
          {"macros nest more than 8 deep here; does '" + name + "' use itself?"}));
      return std::nullopt;
    }
    auto inner = expand(macro->second.fragment, depth + 1);
    if (!inner) return std::nullopt;
    return "(?:" + *inner + ")";
  }

  const RuleCollection& collection_;
  std::vector<RuleDiagnostic>& out_;
};

}  // namespace

std::optional<std::string> expand_pattern(const LocatedString& pattern,
                                          const RuleCollection& collection,
                                          std::vector<RuleDiagnostic>& out) {
  return Expander(collection, out).expand(pattern, 0);
}

SourcePosition position_in(const LocatedString& text, std::size_t offset, std::string_view needle) {
  const SourcePosition& at = text.at;
  if (!at.source || at.line <= 0 || at.column <= 0) return at;
  const std::string_view line = at.source->line(at.line);
  std::size_t column = static_cast<std::size_t>(at.column - 1);
  if (column < line.size() && (line[column] == '\'' || line[column] == '"')) ++column;
  column += offset;
  if (column > line.size() || line.substr(column, needle.size()) != needle) return at;
  SourcePosition out = at;
  out.column = static_cast<int>(column) + 1;
  return out;
}

}  // namespace logdx::rules
