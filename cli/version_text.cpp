#include "version_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "logdx/engine/rule_collector.hpp"
#include "logdx/engine/rule_loader.hpp"
#include "logdx/parsers/content_digest.hpp"

namespace logdx::cli {

std::string rule_pack_digest(const std::vector<RuleText>& pack) {
  ContentDigest digest;
  for (const auto& t : pack) {
    digest.update(t.name);
    digest.update(std::string_view("\0", 1));
    digest.update(t.text);
  }
  return digest.hex();
}

std::string version_text(const std::string& version, const std::vector<RuleText>& pack,
                         int history_schema) {
  // Reading and collecting only (no regex is compiled), from the pack's build-time encoding
  // when it has one (RuleLoader::read): parsing its YAML made --version take 0.1 s.
  // The rules' tests are not needed for a count: not decoded.
  const RuleLoader loader(RuleReaderOptions{.pack_tests = false});
  RuleCollector collector;
  std::set<int> languages;
  for (const RuleText& text : pack) {
    RuleReadResult read = loader.read(text);
    languages.insert(read.file.version);
    collector.add(std::move(read.file));
  }
  const RuleCollection rules = collector.finish();
  const auto enabled = std::count_if(rules.rules.begin(), rules.rules.end(),
                                     [](const CollectedRule& r) { return r.enabled; });
  std::string language;
  for (int v : languages) language += fmt::format("{}{}", language.empty() ? "" : ", ", v);
  return fmt::format(
      "logdx {}\n"
      "rule pack: {} rules ({} enabled) in {} files, rule language {}, digest {}\n"
      "schemas: analysis JSON {}, history database {}",
      version, rules.rules.size(), enabled, pack.size(), language.empty() ? "-" : language,
      rule_pack_digest(pack), kAnalysisSchema, history_schema);
}

}  // namespace logdx::cli
