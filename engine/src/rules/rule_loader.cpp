#include "logdx/engine/rule_loader.hpp"

#include <algorithm>
#include <tuple>

#include "logdx/engine/rule_collector.hpp"
#include "logdx/engine/rule_file_codec.hpp"
#include "rules/format_checks.hpp"

namespace logdx {
namespace {

bool is_rule_file(const std::filesystem::path& path) {
  const auto ext = path.extension();
  return ext == ".yaml" || ext == ".yml";
}

// The files a path stands for; a folder's rule files sorted by name (not recursive).
std::vector<std::filesystem::path> expand_path(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_directory(path, ec)) return {path};
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
    if (entry.is_regular_file(ec) && is_rule_file(entry.path())) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Problems in reading order (file load order, then line, column), whichever stage found them,
// so a lint run reads like the files.
void sort_by_position(const std::vector<std::string>& files,
                      std::vector<RuleDiagnostic>& diagnostics) {
  const auto file_index = [&](std::string_view name) {
    return static_cast<std::size_t>(std::find(files.begin(), files.end(), name) - files.begin());
  };
  std::stable_sort(
      diagnostics.begin(), diagnostics.end(),
      [&](const RuleDiagnostic& a, const RuleDiagnostic& b) {
        const auto ka = std::tuple(file_index(a.where.file), a.where.line, a.where.column);
        const auto kb = std::tuple(file_index(b.where.file), b.where.line, b.where.column);
        return ka < kb;
      });
}

}  // namespace

RuleLoadResult RuleLoader::load(const std::vector<std::filesystem::path>& paths) const {
  std::vector<RuleReadResult> read;
  for (const auto& path : paths) {
    for (const auto& file : expand_path(path)) read.push_back(reader_.read_file(file));
  }
  return finish(std::move(read));
}

RuleLoadResult RuleLoader::load_texts(const std::vector<RuleText>& texts) const {
  std::vector<RuleReadResult> read;
  for (const RuleText& text : texts) read.push_back(this->read(text));
  return finish(std::move(read));
}

RuleLoadResult RuleLoader::load_formats(const std::vector<RuleText>& texts) const {
  RuleLoadResult result;
  std::vector<RuleFile> read;
  for (const RuleText& text : texts) {
    result.files.push_back(text.name);
    read.push_back(this->read(text).file);
  }
  std::vector<const RuleFile*> files;
  for (const RuleFile& file : read) files.push_back(&file);
  result.formats = rules::check_formats(files, result.diagnostics);
  sort_by_position(result.files, result.diagnostics);
  return result;
}

RuleReadResult RuleLoader::read(const RuleText& text) const {
  if (text.encoded.empty()) return reader_.read_text(text.text, text.name);
  auto source = std::make_shared<SourceText>();
  source->name = text.name;
  source->text = text.text;
  source->checked_at_build = true;
  auto decoded = decode_rule_file(text.encoded, source, reader_.options().pack_tests);
  // A stale or damaged encoding (not produced by this build) is never trusted: read the YAML.
  if (!decoded) return reader_.read_text(text.text, text.name);
  return RuleReadResult{std::move(*decoded), {}};
}

RuleLoadResult RuleLoader::finish(std::vector<RuleReadResult> read) const {
  RuleLoadResult result;
  RuleCollector collector;
  std::vector<const RuleFile*> files;
  std::size_t rules = 0;
  for (const RuleReadResult& file : read) {
    files.push_back(&file.file);
    rules += file.file.rules.size();
  }
  collector.reserve(rules);
  result.formats = rules::check_formats(files, result.diagnostics);
  for (RuleReadResult& file : read) {
    result.files.push_back(file.file.source ? std::string(file.file.source->name.view())
                                            : std::string());
    std::move(file.diagnostics.begin(), file.diagnostics.end(),
              std::back_inserter(result.diagnostics));
    collector.add(std::move(file.file));  // `files` is not used past check_formats
  }
  // The files' moved-from definitions go now, so that compiling reuses their memory: fresh
  // pages are most of what a start costs.
  read.clear();
  read.shrink_to_fit();
  RuleCollection collection = collector.finish();
  auto collected = collector.take_diagnostics();
  std::move(collected.begin(), collected.end(), std::back_inserter(result.diagnostics));
  RuleCompileResult compiled = compiler_.compile(std::move(collection));
  std::move(compiled.diagnostics.begin(), compiled.diagnostics.end(),
            std::back_inserter(result.diagnostics));
  sort_by_position(result.files, result.diagnostics);
  if (!has_errors(result.diagnostics)) result.rules = std::move(compiled.rules);
  return result;
}

}  // namespace logdx
