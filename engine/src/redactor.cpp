#include "logdx/engine/redactor.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>

namespace logdx {
namespace {

// Group 1 is kept (a key name or public prefix), group 2 is the secret, an optional group 3
// is kept after it (a closing quote).
// `needles`: words one of which every match holds (compared case-blind when `fold_case`). Most
// texts hold none of a shape's needles, so its regex is neither run nor compiled: compiling all
// fourteen was a sixth of a one-line run's rule-loading time (issue 13).
struct SecretShape {
  const char* pattern;
  bool keyed;  // the key says it is a secret: any value goes; otherwise it must look like one
  std::array<std::string_view, 4> needles;
  bool fold_case;
};

constexpr std::array kShapes = {
    // URL query and key=value: ?token=..., &access_token=..., password=...
    SecretShape{R"re((?i)((?:\b|_)(?:access_token|auth_token|device_token|gateway_token|token|)re"
                R"re(api_?key|apikey|password|passwd|secret|client_secret)=)([^&\s"'<>,;]+))re",
                true,
                {"="},
                false},
    // JSON members: "token": "...", "gatewayToken": "...", "password": "..."
    SecretShape{R"re((?i)("(?:[a-z_]*token|[a-z_]*secret|password|passwd|api_?key|apikey|)re"
                R"re(authorization)"\s*:\s*")([^"\\]+)("))re",
                true,
                {"\""},
                false},
    // Authorization: Bearer / Basic ...
    SecretShape{R"re((?i)(\b(?:bearer|basic)\s+)([A-Za-z0-9._~+/-]{8,}=*))re",
                false,
                {"bearer", "basic"},
                true},
    // openclaw config set gateway.auth.token VALUE, gateway.auth.token = VALUE
    SecretShape{R"re((?i)(\b(?:gateway\.auth\.token|gateway\.remote\.token|auth\.token)["']?)re"
                R"re((?:\s*[:=]\s*|\s+)["']?)([A-Za-z0-9._~+/=-]{8,}))re",
                false,
                {"token"},
                true},
    // token: VALUE, password: VALUE in prose and YAML
    SecretShape{
        R"re((?i)(\b(?:token|password|secret|api[_-]?key)\s*[:=]\s*)([A-Za-z0-9._~+/=-]{8,}))re",
        false,
        {"token", "password", "secret", "api"},
        true},
    // user:password@ in URLs
    SecretShape{R"re((://[^/\s:@]+:)([^/\s@]+)(@))re", true, {"://"}, false},
    // API keys by shape
    SecretShape{R"re((\bsk-)((?:proj-|ant-)?[A-Za-z0-9_-]{16,}))re", true, {"sk-"}, false},
    SecretShape{R"re((\bxox[abposr]-)([A-Za-z0-9-]{10,}))re", true, {"xox"}, false},
    SecretShape{
        R"re((\b\d{6,12}:)(AA[A-Za-z0-9_-]{30,}))re", true, {":AA"}, false},  // Telegram bot tokens
    SecretShape{R"re((\bgh[pousr]_)([A-Za-z0-9]{30,}))re", true, {"gh"}, false},
    SecretShape{R"re((\bgithub_pat_)([A-Za-z0-9_]{30,}))re", true, {"github_pat_"}, false},
    SecretShape{R"re((\bAIza)([0-9A-Za-z_-]{35}))re", true, {"AIza"}, false},
    SecretShape{R"re((\bAKIA)([0-9A-Z]{16})\b)re", true, {"AKIA"}, false},
    SecretShape{R"re((\b)(eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}))re",
                true,
                {"eyJ"},
                false},
};

// A value after an unkeyed marker ("gateway.auth.token mismatch") is only a secret when it
// does not read like a word: it has a digit, or it is long.
bool looks_secret(std::string_view value) {
  if (value == "[REDACTED]") return false;
  const bool has_digit =
      std::any_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
  return has_digit || value.size() >= 24;
}

}  // namespace

// Each shape's regex, compiled the first time a text holds one of its needles.
struct Redactor::Patterns {
  std::array<std::once_flag, kShapes.size()> compiled;
  std::array<std::unique_ptr<RE2>, kShapes.size()> res;

  const RE2& regex(std::size_t i) {
    std::call_once(compiled[i], [this, i] {
      RE2::Options options;
      options.set_encoding(RE2::Options::EncodingLatin1);
      options.set_log_errors(false);
      res[i] = std::make_unique<RE2>(kShapes[i].pattern, options);
    });
    return *res[i];
  }
};

Redactor::Redactor() : patterns_(std::make_unique<Patterns>()) {}

Redactor::~Redactor() = default;

namespace {

std::string lower_case(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool holds_a_needle(std::string_view text, const std::array<std::string_view, 4>& needles) {
  return std::any_of(needles.begin(), needles.end(), [text](std::string_view needle) {
    return !needle.empty() && text.find(needle) != std::string_view::npos;
  });
}

std::string redact_one(const RE2& re, bool keyed, std::string_view text) {
  std::string out;
  std::array<re2::StringPiece, 4> groups;
  const int n = std::min(re.NumberOfCapturingGroups() + 1, 4);
  std::size_t pos = 0;
  std::size_t copied = 0;
  while (pos <= text.size() && re.Match(re2::StringPiece(text.data(), text.size()), pos,
                                        text.size(), RE2::UNANCHORED, groups.data(), n)) {
    const std::string_view secret(groups[2].data(), groups[2].size());
    const std::size_t match_end =
        static_cast<std::size_t>(groups[0].data() + groups[0].size() - text.data());
    if (!secret.empty() && (keyed || looks_secret(secret)) && secret != Redactor::kMark) {
      const std::size_t start = static_cast<std::size_t>(secret.data() - text.data());
      out.append(text.substr(copied, start - copied));
      out.append(Redactor::kMark);
      copied = start + secret.size();
    }
    pos = std::max(match_end, pos + 1);
  }
  if (copied == 0) return std::string(text);
  out.append(text.substr(copied));
  return out;
}

}  // namespace

std::string Redactor::redact(std::string_view text) const {
  std::string current(text);
  std::optional<std::string> folded;  // `current` in lower case, made when a case-blind shape asks
  for (std::size_t i = 0; i < kShapes.size(); ++i) {
    const SecretShape& shape = kShapes[i];
    if (shape.fold_case && !folded) folded = lower_case(current);
    if (!holds_a_needle(shape.fold_case ? *folded : current, shape.needles)) continue;
    std::string redacted = redact_one(patterns_->regex(i), shape.keyed, current);
    if (redacted != current) {
      current = std::move(redacted);
      folded.reset();
    }
  }
  return current;
}

void Redactor::redact(Diagnosis& d) const {
  d.title = redact(d.title);
  for (auto& fact : d.facts) fact.second = redact(fact.second);
  for (auto& e : d.evidence) e.text = redact(e.text);
  for (auto& f : d.fixes) {
    f.text = redact(f.text);
    f.why = redact(f.why);
  }
  for (auto& folded : d.explains) redact(folded);
}

void Redactor::redact(AnalysisResult& result) const {
  for (auto& d : result.diagnoses) redact(d);
  for (auto& entry : result.timeline) entry.message = redact(entry.message);
}

}  // namespace logdx
