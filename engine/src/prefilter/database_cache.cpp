// File layout (text header, binary tail):
//   "logdx-prefilter 1\n" key "\n" checksum "\n" count "\n"
//   per pattern: "+\n" (accepted) or "-" reason "\n"
//   serialized size "\n" serialized bytes
// The checksum is FNV-1a 64 over everything after its own line.
#include "prefilter/database_cache.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "analysis/fingerprint.hpp"
#include "prefilter/text_records.hpp"

namespace logdx::prefilter {
namespace {

constexpr std::string_view kMagic = "logdx-prefilter 1";

std::string body_of(const CachedDatabase& entry) {
  std::string body = std::to_string(entry.refusals.size()) + "\n";
  for (const std::string& refusal : entry.refusals) {
    body += refusal.empty() ? std::string("+") : "-" + refusal;
    body += "\n";
  }
  body += std::to_string(entry.serialized.size()) + "\n";
  body += entry.serialized;
  return body;
}

}  // namespace

std::optional<CachedDatabase> load_cached(const std::string& path, const std::string& key,
                                          std::size_t patterns) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string whole = buffer.str();
  std::string_view text = whole;
  std::string_view line;
  if (!next_line(text, line) || line != kMagic) return std::nullopt;
  if (!next_line(text, line) || line != key) return std::nullopt;
  if (!next_line(text, line) || line != std::to_string(analysis::fnv1a64(text))) {
    return std::nullopt;
  }
  if (!next_line(text, line) || number(line) != patterns) return std::nullopt;
  CachedDatabase entry;
  for (std::size_t i = 0; i < patterns; ++i) {
    if (!next_line(text, line) || line.empty() || (line[0] != '+' && line[0] != '-')) {
      return std::nullopt;
    }
    if (line[0] == '-' && line.size() == 1) return std::nullopt;  // a refusal has a reason
    entry.refusals.emplace_back(line[0] == '+' ? std::string_view() : line.substr(1));
  }
  if (!next_line(text, line) || number(line) != text.size()) return std::nullopt;
  entry.serialized.assign(text);
  return entry;
}

void store_cached(const std::string& path, const std::string& key, const CachedDatabase& entry) {
  std::error_code ignored;
  const std::filesystem::path target(path);
  std::filesystem::create_directories(target.parent_path(), ignored);
  const std::string body = body_of(entry);
  const std::string temp = path + ".tmp." + std::to_string(getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return;
    out << kMagic << "\n" << key << "\n" << analysis::fnv1a64(body) << "\n" << body;
    if (!out.flush()) {
      std::filesystem::remove(temp, ignored);
      return;
    }
  }
  std::filesystem::rename(temp, target, ignored);
  if (ignored) std::filesystem::remove(temp, ignored);
}

}  // namespace logdx::prefilter
