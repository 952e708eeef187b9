// The encoding: one field list per struct (`fields`), walked by an Encoder and by a Decoder,
// so the two directions cannot drift apart. Integers are LEB128, doubles their bit pattern,
// strings length-prefixed. A position stores whether it named the file and had the text. A
// rule's `tests` are a block with its length in front, so a decoder that does not need them
// (analyze never runs them) steps over them: they are a third of the pack's decoded memory.
#include "logdx/engine/rule_file_codec.hpp"

#include <bit>
#include <cstdint>
#include <type_traits>

namespace logdx {
namespace {

constexpr std::uint64_t kFormatVersion = 3;  // 3: a fix's `when` / `unless`

template <typename T>
struct IsVector : std::false_type {};
template <typename T>
struct IsVector<std::vector<T>> : std::true_type {};
template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <typename T>
struct IsOptional<HeapOptional<T>> : std::true_type {};
template <typename T>
struct IsPair : std::false_type {};
template <typename A, typename B>
struct IsPair<std::pair<A, B>> : std::true_type {};

// The fields of each struct, in one order for both directions.
template <typename A, typename T>
void fields(A& a, T& v) requires std::is_same_v<std::remove_const_t<T>, Condition> {
  a(v.kind, v.at, v.field, v.pattern, v.children, v.sources, v.values, v.in_list, v.capture,
    v.at_least);
}
template <typename A, typename T>
void fields(A& a, T& v) requires std::is_same_v<std::remove_const_t<T>, Correlate> {
  a(v.kind, v.at, v.within, v.group_by, v.count, v.steps, v.missing, v.rule, v.on, v.required,
    v.confidence_without, v.report_cut, v.confidence_cut);
}
template <typename A, typename T>
void fields(A& a, T& v) requires std::is_same_v<std::remove_const_t<T>, Fix> {
  a(v.at, v.kind, v.text, v.file, v.why, v.when, v.unless);
}
template <typename A, typename T>
void fields(A& a, T& v) requires std::is_same_v<std::remove_const_t<T>, MatchTest> {
  a(v.line, v.captures, v.source);
}
template <typename A, typename T>
void fields(A& a, T& v) requires std::is_same_v<std::remove_const_t<T>, RuleTests> {
  a(v.match, v.no_match);
}
template <typename A, typename T>
void fields(A& a, T& v) requires std::is_same_v<std::remove_const_t<T>, RuleDef> {
  a(v.at, v.id, v.title, v.cause, v.severity, v.confidence, v.sources, v.tags, v.match, v.key,
    v.facts, v.correlate, v.explains, v.subsumed_by, v.fixes, v.tests, v.override_, v.enabled,
    v.report, v.damaged);
}
template <typename A, typename T>
void fields(A& a, T& v) requires std::is_same_v<std::remove_const_t<T>, ListDef> {
  a(v.name, v.values);
}
template <typename A, typename T>
void fields(A& a, T& v) requires std::is_same_v<std::remove_const_t<T>, MacroDef> {
  a(v.name, v.fragment);
}
template <typename A, typename T>
void fields(A& a, T& v) requires std::is_same_v<std::remove_const_t<T>, FormatDef> {
  a(v.at, v.id, v.regex, v.unless, v.time_format, v.source, v.description, v.samples, v.damaged);
}
template <typename A, typename T>
void fields(A& a, T& v) requires std::is_same_v<std::remove_const_t<T>, RuleFile> {
  a(v.version, v.lists, v.macros, v.rules, v.formats);
}

class Encoder {
 public:
  explicit Encoder(const SourceText* source) : source_(source) {}
  std::string take() { return std::move(out_); }

  template <typename... T>
  void operator()(const T&... values) {
    (put(values), ...);
  }

  void number(std::uint64_t n) {
    do {
      const auto byte = static_cast<std::uint8_t>(n & 0x7f);
      n >>= 7;
      out_.push_back(static_cast<char>(byte | (n != 0 ? 0x80 : 0)));
    } while (n != 0);
  }

 private:
  template <typename T>
  void put(const T& v) {
    if constexpr (std::is_same_v<T, bool>) {
      number(v ? 1 : 0);
    } else if constexpr (std::is_enum_v<T>) {
      number(static_cast<std::uint64_t>(v));
    } else if constexpr (std::is_integral_v<T>) {
      number(static_cast<std::uint64_t>(static_cast<std::int64_t>(v)));
    } else if constexpr (std::is_same_v<T, double>) {
      number(std::bit_cast<std::uint64_t>(v));
    } else if constexpr (std::is_same_v<T, Duration>) {
      put(v.count());
    } else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, SharedText>) {
      number(v.size());
      out_.append(std::string_view(v));
    } else if constexpr (std::is_same_v<T, SourcePosition>) {
      const bool names_file = source_ != nullptr && v.file == source_->name;
      number((names_file ? 1U : 0U) | (v.source != nullptr ? 2U : 0U));
      if (!names_file) put(v.file);
      put(v.line);
      put(v.column);
    } else if constexpr (std::is_same_v<T, RuleTests>) {
      Encoder block(source_);
      fields(block, v);
      const std::string bytes = block.take();
      number(bytes.size());
      out_.append(bytes);
    } else if constexpr (IsVector<T>::value) {
      number(v.size());
      for (const auto& item : v) put(item);
    } else if constexpr (IsOptional<T>::value) {
      number(v.has_value() ? 1 : 0);
      if (v) put(*v);
    } else if constexpr (IsPair<T>::value) {
      put(v.first);
      put(v.second);
    } else if constexpr (requires {
                           v.at;
                           v.value;
                         }) {
      put(v.value);
      put(v.at);
    } else {
      fields(*this, v);
    }
  }

  const SourceText* source_;
  std::string out_;
};

class Decoder {
 public:
  Decoder(std::string_view in, std::shared_ptr<const SourceText> source, bool tests)
      : in_(in), source_(std::move(source)), tests_(tests) {}
  bool ok() const { return ok_; }
  bool at_end() const { return in_.empty(); }

  template <typename... T>
  void operator()(T&... values) {
    (get(values), ...);
  }

  std::uint64_t number() {
    std::uint64_t n = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (in_.empty()) break;
      const auto byte = static_cast<std::uint8_t>(in_.front());
      in_.remove_prefix(1);
      n |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return n;
    }
    ok_ = false;
    return 0;
  }

 private:
  // A count that cannot be right (more items than bytes left) stops the decoding.
  std::size_t count() {
    const std::uint64_t n = number();
    if (n > in_.size()) ok_ = false;
    return ok_ ? static_cast<std::size_t>(n) : 0;
  }

  template <typename T>
  void get(T& v) {
    if constexpr (std::is_same_v<T, bool>) {
      v = number() != 0;
    } else if constexpr (std::is_enum_v<T>) {
      v = static_cast<T>(number());
    } else if constexpr (std::is_integral_v<T>) {
      v = static_cast<T>(static_cast<std::int64_t>(number()));
    } else if constexpr (std::is_same_v<T, double>) {
      v = std::bit_cast<double>(number());
    } else if constexpr (std::is_same_v<T, Duration>) {
      std::int64_t ms = 0;
      get(ms);
      v = Duration(ms);
    } else if constexpr (std::is_same_v<T, std::string>) {
      const std::size_t n = count();
      v.assign(in_.substr(0, n));
      in_.remove_prefix(n);
    } else if constexpr (std::is_same_v<T, SharedText>) {
      std::string text;
      get(text);
      v = SharedText(std::move(text));
    } else if constexpr (std::is_same_v<T, SourcePosition>) {
      const std::uint64_t flags = number();
      if ((flags & 1U) != 0 && source_) {
        v.file = source_->name;
      } else if ((flags & 1U) == 0) {
        get(v.file);
      }
      if ((flags & 2U) != 0) v.source = source_;
      get(v.line);
      get(v.column);
    } else if constexpr (std::is_same_v<T, RuleTests>) {
      const std::size_t n = count();
      const std::string_view block = in_.substr(0, n);
      in_.remove_prefix(n);
      if (!tests_) return;  // left empty: still "written", as is_stub() and overrides see it
      Decoder inner(block, source_, true);
      fields(inner, v);
      ok_ = ok_ && inner.ok() && inner.at_end();
    } else if constexpr (IsVector<T>::value) {
      v.resize(count());
      for (auto& item : v) get(item);
    } else if constexpr (IsOptional<T>::value) {
      if (number() != 0) get(v.emplace());
    } else if constexpr (IsPair<T>::value) {
      get(v.first);
      get(v.second);
    } else if constexpr (requires {
                           v.at;
                           v.value;
                         }) {
      get(v.value);
      get(v.at);
    } else {
      fields(*this, v);
    }
  }

  std::string_view in_;
  std::shared_ptr<const SourceText> source_;
  bool tests_;  // decode the rules' tests, else skip their bytes
  bool ok_ = true;
};

}  // namespace

std::string encode_rule_file(const RuleFile& file) {
  Encoder encoder(file.source.get());
  encoder.number(kFormatVersion);
  encoder(file);
  return encoder.take();
}

std::optional<RuleFile> decode_rule_file(std::string_view bytes,
                                         std::shared_ptr<const SourceText> source, bool tests) {
  Decoder decoder(bytes, source, tests);
  if (decoder.number() != kFormatVersion) return std::nullopt;
  RuleFile file;
  file.source = std::move(source);
  decoder(file);
  if (!decoder.ok() || !decoder.at_end()) return std::nullopt;
  return file;
}

}  // namespace logdx
