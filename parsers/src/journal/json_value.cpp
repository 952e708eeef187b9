#include "journal/json_value.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace logdx::journal {
namespace {

// MESSAGE=[104,105] for bytes that are not valid UTF-8: kept as the bytes they are.
bool byte_array_text(simdjson::dom::array array, std::string& out) {
  out.clear();
  for (simdjson::dom::element item : array) {
    std::uint64_t byte = 0;
    if (item.get(byte) != simdjson::SUCCESS || byte > 255) return false;
    out.push_back(static_cast<char>(byte));
  }
  return true;
}

}  // namespace

bool json_value_text(simdjson::dom::element value, std::string& out) {
  using simdjson::dom::element_type;
  switch (value.type()) {
    case element_type::STRING: {
      std::string_view text;
      if (value.get(text) != simdjson::SUCCESS) return false;
      out.assign(text);
      return true;
    }
    case element_type::INT64:
      out = fmt::format("{}", int64_t(value));
      return true;
    case element_type::UINT64:
      out = fmt::format("{}", uint64_t(value));
      return true;
    case element_type::DOUBLE:
      out = fmt::format("{}", double(value));
      return true;
    case element_type::BOOL:
      out = bool(value) ? "true" : "false";
      return true;
    case element_type::NULL_VALUE:
      out.clear();
      return true;
    case element_type::ARRAY: {
      simdjson::dom::array array = value;
      if (byte_array_text(array, out)) return true;
      for (simdjson::dom::element item : array) {
        if (item.type() == element_type::ARRAY || item.type() == element_type::STRING) {
          return json_value_text(item, out);
        }
        return false;
      }
      out.clear();
      return true;
    }
    case element_type::OBJECT:
      return false;
  }
  return false;
}

simdjson::simdjson_result<simdjson::dom::element> PaddedJson::parse(std::string_view text) {
  buffer_.assign(text);
  buffer_.resize(text.size() + simdjson::SIMDJSON_PADDING, '\0');
  return parser_.parse(buffer_.data(), text.size(), false);
}

simdjson::simdjson_result<simdjson::dom::element> PaddedJson::parse_member(
    std::string_view member) {
  const std::size_t size = member.size() + 2;
  buffer_.assign(size + simdjson::SIMDJSON_PADDING, '\0');
  buffer_[0] = '{';
  std::copy(member.begin(), member.end(), buffer_.begin() + 1);
  buffer_[size - 1] = '}';
  return parser_.parse(buffer_.data(), size, false);
}

}  // namespace logdx::journal
