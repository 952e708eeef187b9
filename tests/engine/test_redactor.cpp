// Redactor: the secret shapes of issue 5 are removed from what logdx prints and stores, the
// words around them stay, and ordinary log text (including "token mismatch") is left alone.

#include <catch2/catch.hpp>

#include "logdx/engine/redactor.hpp"

using logdx::Redactor;

TEST_CASE("gateway and device tokens are redacted in their usual places", "[redact]") {
  const Redactor r;
  CHECK(r.redact("GET /?token=9f8e7d6c5b4a39281706 HTTP/1.1") == "GET /?token=[REDACTED] HTTP/1.1");
  CHECK(r.redact("ws://127.0.0.1:18789/ws?client=ui&token=abc&x=1") ==
        "ws://127.0.0.1:18789/ws?client=ui&token=[REDACTED]&x=1");
  CHECK(r.redact(R"({"gateway":{"auth":{"token": "s3cr3t-gw-tok"}}})") ==
        R"({"gateway":{"auth":{"token": "[REDACTED]"}}})");
  CHECK(r.redact(R"({"deviceToken":"d3v1c3t0k3n","mode":"local"})") ==
        R"({"deviceToken":"[REDACTED]","mode":"local"})");
  CHECK(r.redact("openclaw config set gateway.auth.token 4f1c2e9a8b7d6c5e") ==
        "openclaw config set gateway.auth.token [REDACTED]");
  CHECK(r.redact("gateway.auth.token = 4f1c2e9a8b7d6c5e") == "gateway.auth.token = [REDACTED]");
}

TEST_CASE("authorization headers and credentials in URLs are redacted", "[redact]") {
  const Redactor r;
  CHECK(r.redact("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9abcdef") ==
        "Authorization: Bearer [REDACTED]");
  CHECK(r.redact("proxy to https://admin:hunter2@10.0.0.5:8443/") ==
        "proxy to https://admin:[REDACTED]@10.0.0.5:8443/");
}

TEST_CASE("API keys of the usual shapes are redacted, their kind kept", "[redact]") {
  const Redactor r;
  CHECK(r.redact("OPENAI_API_KEY=sk-proj-AbCdEf0123456789xyzXYZ") ==
        "OPENAI_API_KEY=[REDACTED]");
  CHECK(r.redact("using key sk-ant-api03-AbCdEf0123456789xyz") == "using key sk-[REDACTED]");
  CHECK(r.redact("slack: xoxb-123456789012-abcdefghijkl") == "slack: xoxb-[REDACTED]");
  CHECK(r.redact("telegram bot 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw failed") ==
        "telegram bot 123456789:[REDACTED] failed");
  CHECK(r.redact("ghp_0123456789abcdefghijABCDEFGHIJ0123") == "ghp_[REDACTED]");
  CHECK(r.redact("AKIAIOSFODNN7EXAMPLE") == "AKIA[REDACTED]");
  CHECK(r.redact("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVPmB92K27uhbUJU1p1r") ==
        "jwt [REDACTED]");
}

TEST_CASE("case-blind shapes are found in any letter case", "[redact]") {
  // The redactor only compiles and runs a shape's regex when the text holds one of its words;
  // for the case-blind shapes that check must be case-blind too.
  const Redactor r;
  CHECK(r.redact("GET /?TOKEN=9f8e7d6c5b4a39281706") == "GET /?TOKEN=[REDACTED]");
  CHECK(r.redact("Authorization: BEARER eyJhbGciOiJIUzI1NiJ9abcdef") ==
        "Authorization: BEARER [REDACTED]");
  CHECK(r.redact("PASSWORD: hunter2hunter2") == "PASSWORD: [REDACTED]");
  CHECK(r.redact(R"({"Password": "s3cr3t"})") == R"({"Password": "[REDACTED]"})");
  CHECK(r.redact("Gateway.Auth.Token 4f1c2e9a8b7d6c5e") == "Gateway.Auth.Token [REDACTED]");
  CHECK(r.redact("API_KEY=AbCdEf0123456789") == "API_KEY=[REDACTED]");
}

TEST_CASE("ordinary log text is not redacted", "[redact]") {
  const Redactor r;
  for (const char* text : {
           "unauthorized: device token mismatch (rotate/reissue device token)",
           "gateway.auth.token mismatch",
           "disconnected (4008): connect failed",
           "Error: listen EADDRINUSE: address already in use 127.0.0.1:18789",
           "auth=device-token device=yes platform=linux",
           "bearer tokens are rotated daily",
           "12:34:56 restart counter is at 5",
           R"({"max_tokens": 4096, "tokens_used": 118})",
       }) {
    CHECK(r.redact(text) == text);
  }
}

TEST_CASE("redaction is idempotent and covers a whole diagnosis tree", "[redact]") {
  const Redactor r;
  const std::string once = r.redact("GET /?token=abc123def456 Bearer abcdefgh12345678");
  CHECK(r.redact(once) == once);

  logdx::Diagnosis d;
  d.title = "Rejected: gateway.auth.token 4f1c2e9a8b7d6c5e";
  d.facts = {{"url", "ws://h/?token=4f1c2e9a8b7d6c5e"}};
  logdx::Evidence line;
  line.input = "gw.log";
  line.line = 3;
  line.text = "token: 4f1c2e9a8b7d6c5e";
  d.evidence = {line};
  logdx::RenderedFix fix;
  fix.text = "openclaw config set gateway.auth.token 4f1c2e9a8b7d6c5e";
  fix.why = "reset it";
  d.fixes = {fix};
  logdx::Diagnosis folded = d;
  d.explains = {folded};
  r.redact(d);
  auto clean = [](const logdx::Diagnosis& x) {
    std::string all = x.title + x.facts[0].second + x.evidence[0].text + x.fixes[0].text;
    return all.find("4f1c2e9a8b7d6c5e") == std::string::npos;
  };
  CHECK(clean(d));
  CHECK(clean(d.explains[0]));
}
