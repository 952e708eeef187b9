#include "analysis/packed_captures.hpp"

#include <cstring>

#include "analysis/matched_event.hpp"

namespace logdx::analysis {
namespace {

void put_length(std::string& out, std::size_t length) {
  const auto value = static_cast<std::uint32_t>(length);
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

std::uint32_t get_length(const char* at) {
  std::uint32_t value = 0;
  std::memcpy(&value, at, sizeof value);
  return value;
}

}  // namespace

std::string PackedCaptures::pack(const Captures& captures) {
  std::string text;
  std::size_t size = 0;
  for (const auto& [name, value] : captures)
    size += 2 * sizeof(std::uint32_t) + name.size() + value.size();
  text.reserve(size);
  for (const auto& [name, value] : captures) {
    put_length(text, name.size());
    put_length(text, value.size());
    text += name;
    text += value;
  }
  return text;
}

template <typename F>
bool PackedCaptures::visit(F f) const {
  const std::string_view text = packed();
  const char* at = text.data();
  const char* end = at + text.size();
  while (at < end) {
    const std::uint32_t name_size = get_length(at);
    const std::uint32_t value_size = get_length(at + sizeof(std::uint32_t));
    at += 2 * sizeof(std::uint32_t);
    const std::string_view name(at, name_size);
    const std::string_view value(at + name_size, value_size);
    at += name_size + value_size;
    if (f(name, value)) return true;
  }
  return false;
}

bool PackedCaptures::find(std::string_view name, std::string_view& value) const {
  return visit([&](std::string_view key, std::string_view found) {
    if (key != name) return false;
    value = found;
    return true;
  });
}

Captures PackedCaptures::unpack() const {
  Captures out;
  visit([&](std::string_view name, std::string_view value) {
    out.emplace_back(std::string(name), std::string(value));
    return false;
  });
  return out;
}

void PackedCaptures::merge_into(Captures& into) const {
  visit([&](std::string_view name, std::string_view value) {
    if (!find_capture(into, name)) into.emplace_back(std::string(name), std::string(value));
    return false;
  });
}

}  // namespace logdx::analysis
