#pragma once
// Journal JSON values as text, and a reusable padded buffer for simdjson. journalctl writes
// every field as a string, except non-UTF-8 values (an array of byte numbers), fields with
// several values (an array of those) and fields over its size limit (null).

#include <simdjson.h>

#include <string>
#include <string_view>

namespace logdx::journal {

// Converts one field value to text; false when it is neither a string, a number, a byte
// array nor an array of those (the first value is used for multi-valued fields).
bool json_value_text(simdjson::dom::element value, std::string& out);

// Parses `text` as one JSON document with a reused, padded copy (simdjson reads past the end).
class PaddedJson {
 public:
  simdjson::simdjson_result<simdjson::dom::element> parse(std::string_view text);
  // Parses "{" + member + "}" (one `"KEY" : value` line of json-pretty).
  simdjson::simdjson_result<simdjson::dom::element> parse_member(std::string_view member);

 private:
  simdjson::dom::parser parser_;
  std::string buffer_;
};

}  // namespace logdx::journal
