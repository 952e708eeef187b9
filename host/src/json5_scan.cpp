// gateway.mode out of an OpenClaw config. The file is JSON5 (comments, unquoted keys, single
// quotes, trailing commas), which no packaged JSON parser reads, so this is a small recursive
// reader of exactly that grammar that keeps only the one value it is asked for.
#include <cctype>

#include "checks.hpp"

namespace logdx::host {
namespace {

class Json5Reader {
 public:
  explicit Json5Reader(std::string_view text) : text_(text) {}

  // Reads the whole document; false when it is not JSON5.
  bool read(std::string& mode) {
    if (!value(0, false)) return false;
    skip_space();
    mode = mode_;
    return pos_ == text_.size();
  }

 private:
  static constexpr int kMaxDepth = 64;

  void skip_space() {
    while (pos_ < text_.size()) {
      if (std::isspace(static_cast<unsigned char>(text_[pos_]))) {
        ++pos_;
      } else if (text_.substr(pos_, 2) == "//") {
        pos_ = text_.find('\n', pos_);
        if (pos_ == std::string_view::npos) pos_ = text_.size();
      } else if (text_.substr(pos_, 2) == "/*") {
        const std::size_t end = text_.find("*/", pos_ + 2);
        pos_ = end == std::string_view::npos ? text_.size() : end + 2;
      } else {
        return;
      }
    }
  }

  bool string(std::string& out) {
    const char quote = text_[pos_++];
    while (pos_ < text_.size() && text_[pos_] != quote) {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) ++pos_;
      out += text_[pos_++];
    }
    if (pos_ >= text_.size()) return false;
    ++pos_;
    return true;
  }

  static bool ident_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '-' ||
           c == '+' || c == '.';
  }

  bool key(std::string& out) {
    skip_space();
    if (pos_ >= text_.size()) return false;
    if (text_[pos_] == '"' || text_[pos_] == '\'') return string(out);
    while (pos_ < text_.size() && ident_char(text_[pos_])) out += text_[pos_++];
    return !out.empty();
  }

  // `want_mode`: this value is gateway.mode (depth 2 under the key "gateway").
  bool value(int depth, bool want_mode, bool in_gateway = false) {
    if (depth > kMaxDepth) return false;
    skip_space();
    if (pos_ >= text_.size()) return false;
    const char c = text_[pos_];
    if (c == '{' || c == '[') return container(depth, c == '{', in_gateway);
    if (c == '"' || c == '\'') {
      std::string s;
      if (!string(s)) return false;
      if (want_mode) mode_ = s;
      return true;
    }
    const std::size_t start = pos_;
    while (pos_ < text_.size() && ident_char(text_[pos_])) ++pos_;
    if (want_mode) mode_ = std::string(text_.substr(start, pos_ - start));
    return pos_ > start;
  }

  bool container(int depth, bool object, bool in_gateway) {
    const char close = object ? '}' : ']';
    ++pos_;
    while (true) {
      skip_space();
      if (pos_ < text_.size() && text_[pos_] == close) {
        ++pos_;
        return true;
      }
      std::string name;
      if (object) {
        if (!key(name)) return false;
        skip_space();
        if (pos_ >= text_.size() || text_[pos_] != ':') return false;
        ++pos_;
      }
      const bool gateway = object && depth == 0 && name == "gateway";
      const bool mode = object && in_gateway && name == "mode";
      if (!value(depth + 1, mode, gateway)) return false;
      skip_space();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
      } else if (pos_ >= text_.size() || text_[pos_] != close) {
        return false;
      }
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::string mode_;
};

}  // namespace

std::optional<std::string> gateway_mode_of(std::string_view config_text) {
  std::string mode;
  if (!Json5Reader(config_text).read(mode)) return std::nullopt;
  return mode;
}

}  // namespace logdx::host
