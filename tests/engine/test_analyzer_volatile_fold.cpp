// Repeated findings that differ only by a volatile capture (a pid, a connection id) are one
// finding with a count (analysis/volatile_fold.hpp, docs/ranking.md "Repeated findings").
#include "analysis/volatile_fold.hpp"
#include "analyzer_test_support.hpp"

using namespace logdx;
using namespace logdx::testing;

namespace {

const char* const kOomRules = R"yaml(logdx_rules: 1
rules:
  - id: gateway-started-pid
    cause: gateway_started
    severity: info
    match: {regex: 'gateway started \(pid (?P<pid>\d+)\)'}
  - id: oom-killed
    title: "the kernel killed {killed_process} (pid {killed_pid})"
    cause: oom_kernel
    severity: critical
    confidence: 0.9
    match: {regex: 'Out of memory: Killed process (?P<killed_pid>\d+) \((?P<killed_process>[^)]+)\)'}
    key: [killed_process, killed_pid]
    correlate:
      join: {rule: gateway-started-pid, on: {killed_pid: pid}, required: false, confidence_without: 0.4}
)yaml";

std::vector<const Diagnosis*> of_rule(const std::vector<Diagnosis>& list, const std::string& rule,
                                      std::vector<const Diagnosis*> out = {}) {
  for (const Diagnosis& d : list) {
    if (d.rule == rule) out.push_back(&d);
    out = of_rule(d.explains, rule, std::move(out));
  }
  return out;
}

std::string killed(int pid, const std::string& process = "node") {
  return "Out of memory: Killed process " + std::to_string(pid) + " (" + process +
         ") total-vm:1234567kB, anon-rss:456789kB";
}

}  // namespace

TEST_CASE("volatile fold: one process killed again and again is one finding with a count",
          "[analyzer]") {
  const RuleSet rules = rules_from(kOomRules);
  std::vector<EventSpec> events;
  for (int i = 0; i < 240; ++i) {
    const std::string minute = std::to_string(10 + i / 60);
    const std::string second = (i % 60 < 10 ? "0" : "") + std::to_string(i % 60);
    events.emplace_back("2026-11-20T" + minute + ":00:" + second + ".000+00:00", killed(3000 + i),
                        0, 0, SourceKind::kernel);
  }
  const AnalysisResult result = analyze(rules, events);
  const auto found = of_rule(result.diagnoses, "oom-killed");
  REQUIRE(found.size() == 1);
  const Diagnosis& d = *found.front();
  CHECK(d.count == 240);
  CHECK(fact(d, "killed_pid") == "3000");  // the first occurrence's facts
  REQUIRE(!d.notes.empty());
  CHECK(d.notes.back() ==
        "240 findings that differ only in killed_pid are folded into this one (killed_pid "
        "3000, 3001, 3002 and 237 more)");
  // The evidence still shows where it began and where it ended.
  REQUIRE(!d.evidence.empty());
  CHECK(d.evidence.front().line == 1);
  CHECK(d.evidence.back().line == 240);
}

TEST_CASE("volatile fold: a stable key capture still tells findings apart", "[analyzer]") {
  const RuleSet rules = rules_from(kOomRules);
  const AnalysisResult result = analyze(
      rules, {{"2026-11-20T10:00:00.000+00:00", killed(3001), 0, 0, SourceKind::kernel},
              {"2026-11-20T10:01:00.000+00:00", killed(3002), 0, 0, SourceKind::kernel},
              {"2026-11-20T10:02:00.000+00:00", killed(4001, "chrome"), 0, 0, SourceKind::kernel}});
  const auto found = of_rule(result.diagnoses, "oom-killed");
  REQUIRE(found.size() == 2);
  std::vector<std::pair<std::string, std::uint64_t>> seen;
  for (const Diagnosis* d : found) seen.emplace_back(fact(*d, "killed_process"), d->count);
  std::sort(seen.begin(), seen.end());
  CHECK(seen == std::vector<std::pair<std::string, std::uint64_t>>{{"chrome", 1}, {"node", 2}});
}

TEST_CASE("volatile fold: an occurrence joined to its partner is not folded with unjoined ones",
          "[analyzer]") {
  const RuleSet rules = rules_from(kOomRules);
  const AnalysisResult result =
      analyze(rules, {{"2026-11-20T09:59:00.000+00:00", "gateway started (pid 3001)"},
                      {"2026-11-20T10:00:00.000+00:00", killed(3001), 0, 0, SourceKind::kernel},
                      {"2026-11-20T10:01:00.000+00:00", killed(3002), 0, 0, SourceKind::kernel},
                      {"2026-11-20T10:02:00.000+00:00", killed(3003), 0, 0, SourceKind::kernel}});
  const auto found = of_rule(result.diagnoses, "oom-killed");
  REQUIRE(found.size() == 2);
  std::vector<std::uint64_t> counts;
  for (const Diagnosis* d : found) counts.push_back(d->count);
  std::sort(counts.begin(), counts.end());
  CHECK(counts == std::vector<std::uint64_t>{1, 2});
}

TEST_CASE("volatile fold: which captures are volatile", "[analyzer]") {
  using analysis::is_volatile_capture;
  CHECK(is_volatile_capture("pid"));
  CHECK(is_volatile_capture("killed_pid"));
  CHECK(is_volatile_capture("holder_pid"));
  CHECK(is_volatile_capture("conn_id"));
  CHECK(is_volatile_capture("request_id"));
  CHECK_FALSE(is_volatile_capture("port"));
  CHECK_FALSE(is_volatile_capture("rapid"));
  CHECK_FALSE(is_volatile_capture("_pid"));
  CHECK_FALSE(is_volatile_capture("upstream"));
}
