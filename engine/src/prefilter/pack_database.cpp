#include "prefilter/pack_database.hpp"

#include "prefilter/text_records.hpp"

namespace logdx::prefilter {
namespace {

constexpr std::string_view kMagic = "logdx-prefilter-pack 2";

void put_counted(std::string& out, std::string_view text) {
  out += std::to_string(text.size());
  out += '\n';
  out += text;
}

bool take_counted(std::string_view& text, std::string_view& out) {
  std::string_view line;
  if (!next_line(text, line)) return false;
  const auto size = number(line);
  if (!size || *size > text.size()) return false;
  out = text.substr(0, *size);
  text.remove_prefix(*size);
  return true;
}

}  // namespace

std::string encode_pack(const PackDatabase& pack, std::string_view hs_version) {
  std::string out(kMagic);
  out += '\n';
  out += hs_version;
  out += '\n';
  out += std::to_string(pack.keys.size()) + "\n";
  for (std::size_t i = 0; i < pack.keys.size(); ++i) {
    put_counted(out, pack.keys[i]);
    put_counted(out, pack.sources[i]);
    const std::string& refusal = pack.database.refusals[i];
    out += refusal.empty() ? std::string("+") : "-" + refusal;
    out += '\n';
  }
  put_counted(out, pack.database.serialized);
  return out;
}

std::optional<PackView> decode_pack(std::string_view text, std::string_view hs_version) {
  std::string_view line;
  if (!next_line(text, line) || line != kMagic) return std::nullopt;
  if (!next_line(text, line) || line != hs_version) return std::nullopt;
  if (!next_line(text, line)) return std::nullopt;
  const auto count = number(line);
  if (!count || *count > text.size()) return std::nullopt;
  PackView pack;
  pack.keys.reserve(*count);
  pack.sources.reserve(*count);
  pack.refusals.reserve(*count);
  for (std::size_t i = 0; i < *count; ++i) {
    pack.keys.emplace_back();
    pack.sources.emplace_back();
    if (!take_counted(text, pack.keys.back()) || !take_counted(text, pack.sources.back())) {
      return std::nullopt;
    }
    if (!next_line(text, line) || line.empty() || (line[0] != '+' && line[0] != '-')) {
      return std::nullopt;
    }
    pack.refusals.push_back(line[0] == '+' ? std::string_view() : line.substr(1));
  }
  if (!take_counted(text, pack.serialized) || !text.empty()) return std::nullopt;
  return pack;
}

}  // namespace logdx::prefilter
