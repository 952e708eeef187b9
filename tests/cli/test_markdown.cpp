// Markdown output: log text that holds backticks, Markdown or HTML can never break out of its
// block or inject markup, and the structure is what an issue needs.
#include <catch2/catch.hpp>

#include "analysis_markdown.hpp"

using namespace logdx;
using namespace logdx::cli;

namespace {

Diagnosis hostile_diagnosis() {
  Diagnosis d;
  d.rank = 1;
  d.cause = "crash";
  d.rule = "gateway-crash";
  d.severity = Severity::critical;
  d.confidence = 0.8;
  d.title = "Crash in `eval` <script>alert(1)</script> **bold** @admin #12";
  d.facts = {{"error", "```\n# not a heading"}};
  d.count = 1;
  d.fingerprint = "0123456789abcdef";
  Evidence e;
  e.input = "gateway.log";
  e.line = 7;
  e.text = "TypeError: x\n```\n</details>\n## injected heading";
  d.evidence.push_back(e);
  logdx::RenderedFix fix;
  fix.text = "openclaw gateway restart";
  fix.why = "start it ``again``";
  d.fixes.push_back(fix);
  Diagnosis folded = d;
  folded.rank = 0;
  folded.cause = "restart_loop_pm2";
  folded.title = "pm2 restarts [it](http://x)";
  d.explains.push_back(folded);
  return d;
}

}  // namespace

TEST_CASE("inline text escapes Markdown, HTML and mentions", "[markdown]") {
  CHECK(markdown_inline("a `b` *c* _d_ [e](f) <g> & @h #1") ==
        "a \\`b\\` \\*c\\* \\_d\\_ \\[e\\](f) &lt;g&gt; &amp; @\u200bh \\#1");
  CHECK(markdown_inline("two\nlines\x1b[2J") == "two lines\\\\e\\[2J");
}

TEST_CASE("a fence is longer than any backtick run inside it", "[markdown]") {
  CHECK(markdown_fence("plain\n", "text") == "```text\nplain\n```\n");
  CHECK(markdown_fence("has ``` inside\n") == "````\nhas ``` inside\n````\n");
  CHECK(markdown_fence("no newline") == "```\nno newline\n```\n");
}

TEST_CASE("hostile log text stays inside its blocks", "[markdown]") {
  const AnalysisResult result{{hostile_diagnosis()}, {}, {}, 1, 1, {}};
  const std::vector<InputSummary> inputs(1);
  const std::string md = analysis_markdown(
      AnalysisReport{result, inputs, {}, nullptr, nullptr, false, nullptr, 0, {}});
  CHECK(md.rfind("## Root cause: Crash in \\`eval\\` &lt;script&gt;", 0) == 0);
  // The evidence fence is four backticks (the text holds three), so "## injected heading" and
  // "</details>" are code, not structure.
  CHECK(md.find(
            "````text\ngateway.log:7  TypeError: x\n```\n</details>\n## injected heading\n````") !=
        std::string::npos);
  CHECK(md.find("\n## injected") == md.find("\n## injected heading\n````"));
  CHECK(md.find("<script>") == std::string::npos);
  CHECK(md.find("- error: ```` ```\\x0a# not a heading ````") != std::string::npos);
  CHECK(md.find("```sh\nopenclaw gateway restart   # start it ``again``\n```") !=
        std::string::npos);
  CHECK(md.find("<details>\n<summary>This also explains 1 symptom</summary>") != std::string::npos);
  CHECK(md.find("- **pm2 restarts \\[it\\](http://x)**") != std::string::npos);
  CHECK(md.find("</details>\n") != std::string::npos);
}

TEST_CASE("nothing found reads as such", "[markdown]") {
  const AnalysisResult result;
  const std::vector<InputSummary> inputs;
  const std::string md = analysis_markdown(
      AnalysisReport{result, inputs, {}, nullptr, nullptr, false, nullptr, 0, {}});
  CHECK(md.rfind("## No problem found\n", 0) == 0);
}
