#include "input/rotation_order.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <system_error>

namespace logdx::input {
namespace {

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(),
                                      [](unsigned char c) { return std::isdigit(c) != 0; });
}

std::string digits_of(std::string_view text) {
  std::string digits;
  for (const char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) digits.push_back(c);
  }
  return digits;
}

// "YYYY-MM-DD" or "YYYY-MM-DD_HH-mm-ss" shapes: digits where `shape` has 'd'.
bool matches_shape(std::string_view text, std::string_view shape) {
  if (text.size() != shape.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool digit = std::isdigit(static_cast<unsigned char>(text[i])) != 0;
    if (shape[i] == 'd' ? !digit : text[i] != shape[i]) return false;
  }
  return true;
}

std::string_view strip_compression(std::string_view name) {
  for (const std::string_view ext : {".gz", ".zst"}) {
    if (name.size() > ext.size() && name.ends_with(ext)) {
      return name.substr(0, name.size() - ext.size());
    }
  }
  return name;
}

// pm2-logrotate: "<name>__YYYY-MM-DD_HH-mm-ss<ext>" rotates "<name><ext>".
bool parse_pm2_logrotate(std::string_view name, RotationName& out) {
  constexpr std::string_view kShape = "dddd-dd-dd_dd-dd-dd";
  const std::size_t mark = name.rfind("__");
  if (mark == std::string_view::npos || mark == 0) return false;
  const std::string_view date = name.substr(mark + 2, kShape.size());
  if (!matches_shape(date, kShape)) return false;
  out.base = std::string(name.substr(0, mark)) + std::string(name.substr(mark + 2 + kShape.size()));
  out.kind = RotationName::Kind::dated;
  out.date = digits_of(date);
  return true;
}

}  // namespace

RotationName parse_rotation_name(std::string_view file_name) {
  RotationName out;
  const std::string_view name = strip_compression(file_name);
  if (parse_pm2_logrotate(name, out)) return out;
  const std::size_t dot = name.rfind('.');
  if (dot != std::string_view::npos && dot > 0 && name.size() - dot - 1 <= 5 &&
      all_digits(name.substr(dot + 1))) {
    out.base = name.substr(0, dot);
    out.kind = RotationName::Kind::numbered;
    out.number = std::stoull(std::string(name.substr(dot + 1)));
    return out;
  }
  // logrotate dateext: "-YYYYMMDD", "-YYYYMMDDHH", "-%s" and the like, or "-YYYY-MM-DD".
  const std::size_t dash = name.rfind('-');
  const bool compact = dash != std::string_view::npos && dash > 0 && name.size() - dash - 1 >= 8 &&
                       name.size() - dash - 1 <= 14 && all_digits(name.substr(dash + 1));
  if (compact) {
    out.base = name.substr(0, dash);
    out.kind = RotationName::Kind::dated;
    out.date = name.substr(dash + 1);
    return out;
  }
  constexpr std::string_view kIsoDay = "-dddd-dd-dd";
  if (name.size() > kIsoDay.size() &&
      matches_shape(name.substr(name.size() - kIsoDay.size()), kIsoDay)) {
    out.base = name.substr(0, name.size() - kIsoDay.size());
    out.kind = RotationName::Kind::dated;
    out.date = digits_of(name.substr(name.size() - kIsoDay.size()));
    return out;
  }
  out.base = name;
  return out;
}

namespace {

bool older(const RotationName& a, const RotationName& b) {
  if (a.kind != b.kind) return a.kind < b.kind;
  if (a.kind == RotationName::Kind::dated) {
    // Dates of different precision ("-20260305" vs "-2026030512"): compare the common part.
    const std::size_t common = std::min(a.date.size(), b.date.size());
    const int order = a.date.compare(0, common, b.date, 0, common);
    return order != 0 ? order < 0 : a.date.size() < b.date.size();
  }
  return a.kind == RotationName::Kind::numbered && a.number > b.number;
}

std::string set_key(const ResolvedInput& input, const RotationName& name) {
  std::error_code ec;
  const std::filesystem::path path(input.path);
  std::filesystem::path folder = std::filesystem::absolute(path.parent_path(), ec);
  if (ec) folder = path.parent_path();
  return folder.lexically_normal().string() + '\0' + name.base;
}

}  // namespace

void order_rotated_sets(std::vector<ResolvedInput>& inputs) {
  struct Member {
    RotationName name;
    ResolvedInput input;
  };
  std::vector<std::vector<Member>> sets;
  std::map<std::string, std::size_t> set_of_key;
  for (auto& input : inputs) {
    if (input.is_stdin) {
      sets.emplace_back().push_back({RotationName{}, std::move(input)});
      continue;
    }
    RotationName name = parse_rotation_name(std::filesystem::path(input.path).filename().string());
    const auto [it, added] = set_of_key.try_emplace(set_key(input, name), sets.size());
    if (added) sets.emplace_back();
    sets[it->second].push_back({std::move(name), std::move(input)});
  }
  inputs.clear();
  for (auto& set : sets) {
    std::stable_sort(set.begin(), set.end(),
                     [](const Member& a, const Member& b) { return older(a.name, b.name); });
    for (auto& member : set) inputs.push_back(std::move(member.input));
  }
}

}  // namespace logdx::input
