#include "rules/yaml_guard.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <optional>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

namespace logdx::rules {
namespace {

// Records where the first alias, the first repeated mapping key and the current document are.
// The event pass is linear in the text because aliases come as events, not expanded.
class Finder : public YAML::EventHandler {
 public:
  std::optional<YAML::Mark> first_alias;
  std::optional<std::pair<YAML::Mark, std::string>> duplicate_key;
  YAML::Mark document_start;

  void OnDocumentStart(const YAML::Mark& mark) override { document_start = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { node(mark, nullptr); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    if (!first_alias) first_alias = mark;
    node(mark, nullptr);
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string& value) override {
    node(mark, &value);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    node(mark, nullptr);
    frames_.push_back({false, true, {}});
  }
  void OnSequenceEnd() override { frames_.pop_back(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    node(mark, nullptr);
    frames_.push_back({true, true, {}});
  }
  void OnMapEnd() override { frames_.pop_back(); }

 private:
  struct Frame {
    bool is_map;
    bool expect_key;
    std::set<std::string, std::less<>> keys;
  };

  // Every node event: in a mapping, nodes alternate key, value. YAML requires unique keys;
  // yaml-cpp would keep both and a rule would silently lose one of two `match:`.
  void node(const YAML::Mark& mark, const std::string* scalar) {
    if (frames_.empty() || !frames_.back().is_map) return;
    Frame& frame = frames_.back();
    if (frame.expect_key && scalar && !frame.keys.insert(*scalar).second && !duplicate_key) {
      duplicate_key.emplace(mark, *scalar);
    }
    frame.expect_key = !frame.expect_key;
  }

  std::vector<Frame> frames_;
};

}  // namespace

bool guard_yaml(const std::string& text, YamlContext& context) {
  std::istringstream stream(text);
  Finder finder;
  int documents = 0;
  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(finder)) {
      ++documents;
      if (finder.first_alias || finder.duplicate_key) break;
      if (documents > 1) {
        context.report(RuleProblem::yaml_syntax, context.at(finder.document_start),
                       {"a rule file holds one YAML document (found a second '---')"});
        return false;
      }
    }
  } catch (const YAML::Exception& error) {
    context.report(RuleProblem::yaml_syntax, context.at(error.mark), {error.msg});
    return false;
  }
  if (finder.duplicate_key) {
    context.report(RuleProblem::yaml_syntax, context.at(finder.duplicate_key->first),
                   {"the key '" + finder.duplicate_key->second +
                    "' appears twice in one mapping (YAML keys are unique)"});
    return false;
  }
  if (finder.first_alias) {
    context.report(RuleProblem::yaml_syntax, context.at(*finder.first_alias),
                   {"aliases (*name) are not allowed in rule files; write the value out"});
    return false;
  }
  return true;
}

}  // namespace logdx::rules
