#include "rules/yaml_guard.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <optional>
#include <sstream>

namespace logdx::rules {
namespace {

// Records where the first alias and the current document are; the event pass is linear in the
// text because aliases are reported as events, not expanded.
class AliasFinder : public YAML::EventHandler {
 public:
  std::optional<YAML::Mark> first_alias;
  YAML::Mark document_start;

  void OnDocumentStart(const YAML::Mark& mark) override { document_start = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    if (!first_alias) first_alias = mark;
  }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

}  // namespace

bool guard_yaml(const std::string& text, YamlContext& context) {
  std::istringstream stream(text);
  AliasFinder finder;
  int documents = 0;
  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(finder)) {
      ++documents;
      if (finder.first_alias) break;
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
  if (finder.first_alias) {
    context.report(RuleProblem::yaml_syntax, context.at(*finder.first_alias),
                   {"aliases (*name) are not allowed in rule files; write the value out"});
    return false;
  }
  return true;
}

}  // namespace logdx::rules
