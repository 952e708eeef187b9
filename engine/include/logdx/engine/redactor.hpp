#pragma once
// Removes secrets from what logdx prints and stores: gateway and device tokens (`token=` in
// URLs, `gateway.auth.token`, `"token": "..."`), `Authorization: Bearer ...`, credentials in
// URLs, and API keys of the usual shapes (sk-..., xoxb-..., Telegram bot tokens, GitHub, Google,
// AWS, JWTs). The secret becomes "[REDACTED]"; a key name or a key's public prefix is kept so
// the line still says what it was. Idempotent.

#include <memory>
#include <string>
#include <string_view>

#include "logdx/engine/diagnosis.hpp"

namespace logdx {

class Redactor {
 public:
  static constexpr std::string_view kMark = "[REDACTED]";

  Redactor();
  ~Redactor();
  Redactor(const Redactor&) = delete;
  Redactor& operator=(const Redactor&) = delete;

  std::string redact(std::string_view text) const;

  // Every text of a diagnosis tree: title, facts, evidence, fixes.
  void redact(Diagnosis& diagnosis) const;
  void redact(AnalysisResult& result) const;

 private:
  struct Patterns;
  std::unique_ptr<Patterns> patterns_;
};

}  // namespace logdx
