// Fix commands: captures from log lines are attacker-controlled text, so each substituted
// value must reach the command as exactly one argument, and nothing in it may run. Checked by
// asking a real shell: `sh -n` (it parses) and the argv it builds (printf one line per arg).
#include <array>
#include <cstdio>
#include <filesystem>

#include "analysis/shell_quote.hpp"
#include "analysis/template_render.hpp"
#include "analyzer_test_support.hpp"

using namespace logdx;
using namespace logdx::testing;

namespace {

const std::vector<std::string> kHostile = {
    "$(rm -rf ~)", "`id`",   "it's",          "a\"b",   "a; reboot", "line\nbreak", "-rf",
    "--force",     "",       " spaced  out ", "\\",     "'",         "''",          "$HOME",
    "*",           "{port}", "x\ty",          "!event", "a|b&c>d"};

// Runs `script` with sh (single-quoted for popen's sh -c) and returns its stdout.
std::string run_sh(const std::string& script) {
  const std::string command = "sh -c " + analysis::shell_quote(script) + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  std::array<char, 256> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  pclose(pipe);
  return out;
}

std::optional<std::string> lookup_value(const std::string& value, std::string_view name) {
  if (name == "value") return value;
  return std::nullopt;
}

}  // namespace

TEST_CASE("shell_quote leaves safe words bare and single-quotes the rest", "[fix]") {
  CHECK(analysis::shell_quote("18789") == "18789");
  CHECK(analysis::shell_quote("/home/oc/.openclaw") == "/home/oc/.openclaw");
  CHECK(analysis::shell_quote("user@host:22,a=b+c%d") == "user@host:22,a=b+c%d");
  CHECK(analysis::shell_quote("") == "''");
  CHECK(analysis::shell_quote("$(rm -rf ~)") == "'$(rm -rf ~)'");
  CHECK(analysis::shell_quote("it's") == "'it'\\''s'");
}

TEST_CASE("each hostile capture is exactly one argument and runs nothing", "[fix]") {
  const std::filesystem::path canary =
      std::filesystem::temp_directory_path() / "logdx-fix-test-canary";
  std::filesystem::remove(canary);
  std::vector<std::string> values = kHostile;
  values.push_back("$(touch " + canary.string() + ")");
  values.push_back("`touch " + canary.string() + "`");
  for (const std::string& value : values) {
    for (const char* text :
         {"printf '<%s>\\n' {value} end", "printf '<%s>\\n' \"x{value}y\" end",
          "printf '<%s>\\n' 'x{value}y' end", "printf '<%s>\\n' --{value}= end"}) {
      const std::string template_text = text;
      const std::string rendered = analysis::render_command(
          template_text, [&](std::string_view name) { return lookup_value(value, name); });
      INFO("template: " << template_text << "\nvalue: " << value << "\nrendered: " << rendered);
      CHECK(run_sh("sh -n -c " + analysis::shell_quote(rendered) + " && echo ok") == "ok\n");
      std::string expected = "<" + value + ">\n<end>\n";
      if (template_text.find("x{value}y") != std::string::npos) {
        expected = "<x" + value + "y>\n<end>\n";
      } else if (template_text.find("--{value}=") != std::string::npos) {
        expected = "<--" + value + "=>\n<end>\n";
      }
      CHECK(run_sh(rendered) == expected);
    }
  }
  CHECK_FALSE(std::filesystem::exists(canary));
}

TEST_CASE("an unknown placeholder is kept literally, braces that are no placeholder too", "[fix]") {
  const auto none = [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
  CHECK(analysis::render_command("kill {pid} {} { x} {1a}", none) == "kill {pid} {} { x} {1a}");
  CHECK(analysis::render_text("port {port", none) == "port {port");
}

TEST_CASE("fixes rendered by the analyzer quote hostile captures", "[fix]") {
  const RuleSet rules = rules_from(R"(logdx_rules: 1
rules:
  - id: bad-config-path
    title: "config {path} is unreadable"
    cause: invalid_config
    match: {regex: 'cannot read config (?P<path>.+)$'}
    fixes:
      - command: "ls -l {path}"
        why: "check the file"
)");
  const auto result =
      analyze(rules, {{"2026-03-05T08:20:00Z", "cannot read config $(rm -rf ~); `id`"}});
  REQUIRE(result.diagnoses.size() == 1);
  const Diagnosis& d = result.diagnoses[0];
  CHECK(d.title == "config $(rm -rf ~); `id` is unreadable");  // text stays as written
  REQUIRE(d.fixes.size() == 1);
  CHECK(d.fixes[0].text == "ls -l '$(rm -rf ~); `id`'");
  CHECK(d.fixes[0].why == "check the file");
}
