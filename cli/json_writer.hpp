#pragma once
// Minimal streaming JSON writer for logdx's output contracts. Strings are written as valid
// UTF-8 whatever the log held: invalid bytes become U+FFFD, control characters are escaped,
// so `jq` never chokes on a line from a broken machine.

#include <cstdint>
#include <string>
#include <string_view>

namespace logdx::cli {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(std::uint64_t number);
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(double number);
  JsonWriter& value(bool flag);
  JsonWriter& null();

  // Appends `text` as a JSON string literal (with quotes) to `out`.
  static void append_string(std::string& out, std::string_view text);

 private:
  void separate();

  std::string& out_;
  bool need_comma_ = false;
};

}  // namespace logdx::cli
