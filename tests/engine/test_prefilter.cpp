// The Hyperscan prefilter: relaxed patterns, hit -> line mapping over line-aligned buffers
// (edges, lines split across reads), patterns Hyperscan refuses, and candidates identical to
// RuleSet::candidates whatever the event looks like.
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <span>

#include "analyzer_test_support.hpp"
#include "logdx/engine/prefilter.hpp"
#include "logdx/parsers/line_reader.hpp"
#include "prefilter/literal_core.hpp"
#include "prefilter/relax_pattern.hpp"
#include "prefilter/trigger_patterns.hpp"

using namespace logdx;
using namespace logdx::testing;

namespace {

const char* const kRules = R"(logdx_rules: 1
rules:
  - id: port-in-use
    cause: port_conflict
    match:
      regex: 'listen EADDRINUSE:? (?:address already in use )?(?P<host>[0-9.]+):(?P<port>\d+)'
  - id: anchored-exit
    cause: crash_loop
    match:
      regex: '^Main process exited, code=exited, status=(?P<status>\d+)/\w+$'
  - id: word-oom
    cause: oom
    match:
      regex: '\bOut of memory\b'
  - id: raw-marker
    cause: bad_config
    match:
      regex: 'CONFIG-INVALID'
      field: raw
  - id: latin1
    cause: oom
    match:
      regex: '(?i)mémoire [ée]puis[ée]e'
)";

// A byte source over a string, handing out at most `chunk` bytes per read.
class ChunkSource final : public ByteSource {
 public:
  ChunkSource(std::string text, std::size_t chunk) : text_(std::move(text)), chunk_(chunk) {}
  std::size_t read(std::span<char> buffer) override {
    const std::size_t n = std::min({buffer.size(), chunk_, text_.size() - at_});
    std::memcpy(buffer.data(), text_.data() + at_, n);
    at_ += n;
    return n;
  }

 private:
  std::string text_;
  std::size_t chunk_;
  std::size_t at_ = 0;
};

Event line_event(std::string_view raw, std::string_view message, std::uint64_t offset) {
  Event e;
  e.raw = std::string(raw);
  e.message = std::string(message);
  e.where.byte_offset = offset;
  e.where.line_count = 1;
  return e;
}

}  // namespace

TEST_CASE("relaxed patterns drop zero-width assertions and group names, nothing else",
          "[prefilter]") {
  using prefilter::relax_pattern;
  CHECK(*relax_pattern(R"(^Main (?P<pid>\d+)\b exited$)").pattern == R"(Main (\d+) exited)");
  CHECK(*relax_pattern(R"(\Aa[$^\]]b\z)").pattern == R"(a[$^\]]b)");
  CHECK(*relax_pattern(R"(x\\b[[:alpha:]^]+)").pattern == R"(x\\b[[:alpha:]^]+)");
  CHECK(*relax_pattern(R"(\Q^$\E)").pattern == R"(\Q^$\E)");
  // Under (?i) RE2's Latin-1 folding pairs bytes C0-DE with E0-FE; Hyperscan gets both.
  CHECK(*relax_pattern("(?i)^mé").pattern == R"((?i)m[\xC3\xE3]\xA9)");
  CHECK(*relax_pattern("loading configuration…").pattern == "loading configuration…");
  const auto in_class = relax_pattern("(?si:x)[é]");
  CHECK_FALSE(in_class.pattern.has_value());
  CHECK(in_class.reason.find("non-ASCII") != std::string::npos);
  CHECK(*relax_pattern("(?P<i>x)é").pattern == "(x)é");
  CHECK_FALSE(relax_pattern(R"((?i)caf\xE9)").pattern.has_value());  // RE2 folds \xE9 with \xC9
  CHECK_FALSE(relax_pattern("(?i)\\Qcafé\\E").pattern.has_value());
  CHECK(*relax_pattern(R"(caf\xE9 \\x)").pattern == R"(caf\xE9 \\x)");  // no (?i): bytes are bytes
}

TEST_CASE("a relaxed pattern is cut to start at its longest literal run", "[prefilter]") {
  using prefilter::literal_core;
  CHECK(literal_core(R"([0-9A-Fa-f.:]+ \S+ \S+ \[[^\]]+\] "GET (/[^" ?]*) HTTP/1\.[01]")") ==
        R"( HTTP/1\.[01]")");
  CHECK(literal_core(R"((?i)\w+ +connection refused)") == "(?i)connection refused");
  CHECK(literal_core(R"(\d+ (?i:refused) a)") == R"(\d+ (?i:refused) a)");  // runs too short
  CHECK(literal_core("a|bcdef") == "a|bcdef");                              // top-level alternation
  CHECK(literal_core(R"(x*abc\.d)") == R"(abc\.d)");
  CHECK(literal_core(R"(\S+abcd?)") == R"(abcd?)");
}

TEST_CASE("without Hyperscan no database is built (every event goes to RE2::Set)", "[prefilter]") {
  const RuleSet rules = rules_from(kRules);
  const auto db = PatternDatabase::build(rules);
  CHECK((db != nullptr) == prefilter_available());
}

TEST_CASE("a hit maps to its line, at the first byte and the last byte of the buffer",
          "[prefilter]") {
  if (!prefilter_available()) return;
  const RuleSet rules = rules_from(kRules);
  const auto db = PatternDatabase::build(rules);
  LinePrefilter filter(*db);
  filter.begin_input();
  // Line starts: 0, 27, 36; the first and the last line hit, the last has no '\n'.
  const std::string buffer = "CONFIG-INVALID at /etc/x.j\nquiet ok\nkernel: Out of memory";
  filter.scan_lines(buffer, 1000);
  CHECK(filter.pending_hit_lines() == std::vector<std::uint64_t>{1000, 1036});
  const Event last = line_event("kernel: Out of memory", "Out of memory", 1036);
  CHECK(filter.candidates(last) == rules.candidates(last));
  CHECK(filter.candidates(last) == std::vector<std::size_t>{2});
}

TEST_CASE("lines split across reads are scanned whole, and every line's candidates match",
          "[prefilter]") {
  if (!prefilter_available()) return;
  const RuleSet rules = rules_from(kRules);
  const auto db = PatternDatabase::build(rules);
  std::string text;
  for (int i = 0; i < 300; ++i) {
    text += i % 7 == 0 ? "2026-11-20 node: Error: listen EADDRINUSE: address already in use "
                         "127.0.0.1:18789\n"
                       : "2026-11-20 node: [ws] connected conn=" + std::to_string(i) + "\n";
  }
  for (std::size_t chunk : {7U, 64U, 1000U}) {
    LinePrefilter filter(*db);
    filter.begin_input();
    ChunkSource source(text, chunk);
    // A block smaller than a line forces the partial line to the front on every read.
    LineReader reader(source, 4096, 50);
    reader.set_observer(
        [&](std::string_view lines, std::uint64_t offset) { filter.scan_lines(lines, offset); });
    Line line;
    std::size_t hits = 0;
    while (reader.next(line)) {
      const std::string_view raw = line.text;
      const Event e = line_event(raw, raw.substr(raw.find(": ") + 2), line.byte_offset);
      const auto got = filter.candidates(e);
      INFO("chunk " << chunk << ", line " << line.number);
      REQUIRE(got == rules.candidates(e));
      hits += got.empty() ? 0 : 1;
    }
    CHECK(hits == 43);
  }
}

TEST_CASE("patterns Hyperscan cannot take stay with RE2 and still find their events",
          "[prefilter]") {
  if (!prefilter_available()) return;
  const RuleSet rules = rules_from(kRules);
  const auto db = PatternDatabase::build(rules);
  REQUIRE(db->rejected().size() == 1);
  CHECK(rules.rules()[db->rejected()[0].ref.rule].id == "latin1");
  LinePrefilter filter(*db);
  filter.begin_input();
  const std::string line = "node: Mémoire epuisee";
  filter.scan_lines(line + "\n", 0);
  const Event e = line_event(line, line.substr(6), 0);
  CHECK(filter.candidates(e) == rules.candidates(e));
  CHECK(filter.candidates(e).size() == 1);
}

TEST_CASE("what the buffer scan cannot vouch for is scanned per event", "[prefilter]") {
  if (!prefilter_available()) return;
  const RuleSet rules = rules_from(kRules);
  const auto db = PatternDatabase::build(rules);
  LinePrefilter filter(*db);
  filter.begin_input();
  const std::string raw = R"({"msg":"listen \u0045ADDRINUSE: address already in use 10.0.0.1:80"})";
  filter.scan_lines(raw + "\nnext\n", 0);
  CHECK(filter.pending_hit_lines().empty());
  // The message is unescaped: not a substring of the raw line, so it is scanned itself.
  const Event escaped = line_event(raw, "listen EADDRINUSE: address already in use 10.0.0.1:80", 0);
  CHECK(filter.candidates(escaped) == std::vector<std::size_t>{0});
  // A multi-line record joined from lines of which only a later one hit.
  Event joined = line_event("Error: x\nstatus=1/FAILURE",
                            "Main process exited, code=exited, "
                            "status=1/FAILURE",
                            raw.size() + 1);
  joined.where.line_count = 2;
  CHECK(filter.candidates(joined) == rules.candidates(joined));
  CHECK(filter.candidates(joined) == std::vector<std::size_t>{1});
  // Bytes never scanned (past the covered run): RE2 semantics regardless.
  const Event unseen = line_event("CONFIG-INVALID", "CONFIG-INVALID", 100000);
  CHECK(filter.candidates(unseen) == std::vector<std::size_t>{3});
}

TEST_CASE("the compiled database is cached; a damaged entry is rebuilt, never trusted",
          "[prefilter]") {
  if (!prefilter_available()) return;
  namespace fs = std::filesystem;
  const RuleSet rules = rules_from(kRules);
  const fs::path dir =
      fs::temp_directory_path() / ("logdx-prefilter-cache-" + std::to_string(getpid()));
  fs::remove_all(dir);
  auto check_works = [&](const PatternDatabase& db) {
    LinePrefilter filter(db);
    filter.begin_input();
    const std::string line = "node: Error: listen EADDRINUSE: address already in use 1.2.3.4:80";
    filter.scan_lines(line + "\n", 0);
    const Event e = line_event(line, line.substr(6), 0);
    CHECK(filter.candidates(e) == std::vector<std::size_t>{0});
    CHECK(db.rejected().size() == 1);
  };
  const auto first = PatternDatabase::build(rules, dir.string());
  CHECK_FALSE(first->from_cache());
  check_works(*first);
  std::vector<fs::path> entries;
  for (const auto& entry : fs::directory_iterator(dir)) entries.push_back(entry.path());
  REQUIRE(entries.size() == 1);
  const auto second = PatternDatabase::build(rules, dir.string());
  CHECK(second->from_cache());
  check_works(*second);

  // Flip one byte of the serialized database, then cut the file short: both are rebuilt.
  std::string bytes;
  {
    std::ifstream in(entries[0], std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  std::string flipped = bytes;
  flipped[flipped.size() - 100] = static_cast<char>(flipped[flipped.size() - 100] ^ 0x5a);
  for (const std::string& damaged : {flipped, bytes.substr(0, bytes.size() / 2), std::string()}) {
    std::ofstream(entries[0], std::ios::binary | std::ios::trunc) << damaged;
    const auto rebuilt = PatternDatabase::build(rules, dir.string());
    CHECK_FALSE(rebuilt->from_cache());
    check_works(*rebuilt);
    CHECK(PatternDatabase::build(rules, dir.string())->from_cache());  // rewritten whole
  }
  // Other rules, other entry: never the first one's database.
  const RuleSet fewer = rules_from(R"(logdx_rules: 1
rules:
  - id: only
    cause: oom
    match:
      regex: 'Out of memory'
)");
  CHECK_FALSE(PatternDatabase::build(fewer, dir.string())->from_cache());
  fs::remove_all(dir);
}

TEST_CASE("an 'all' is triggered by its most selective child; results stay identical",
          "[prefilter]") {
  using prefilter::literal_run;
  CHECK(literal_run(R"((?:(?:openclaw|clawdbot|moltbot)))") == 7);
  CHECK(literal_run(R"(^[\w.-]+ +\| )") == 2);
  CHECK(literal_run(R"(x(?:abc)?yz +Restarting \((?P<code>\d+)\))") == 12);
  CHECK(literal_run(R"((?i)connection (?:refused|reset by peer))") == 11);
  if (!prefilter_available()) return;
  const RuleSet rules = rules_from(R"(logdx_rules: 1
rules:
  - id: docker-restarting
    cause: restart_loop_docker
    match:
      all:
        - regex: 'Restarting \((?P<exit_code>\d+)\)'
        - regex: 'openclaw'
  - id: pm2-start-failed
    cause: bad_config
    match:
      all:
        - regex: 'Gateway failed to start: '
        - any:
            - {regex: '^[\w.-]+ +\| ', field: raw}
            - {regex: '^\{"log":"', field: raw}
)");
  const auto db = PatternDatabase::build(rules);
  std::vector<std::string> scanned;
  for (const PatternRef& ref : db->refs()) {
    scanned.push_back(rules.rules()[ref.rule].patterns[ref.pattern].written);
  }
  CHECK(scanned == std::vector<std::string>{R"(Restarting \((?P<exit_code>\d+)\))",
                                            "Gateway failed to start: "});
  const std::vector<std::string> lines = {
      "openclaw  | [ws] connected",                           // broad helpers only
      "abc123 openclaw:latest Restarting (1) 3 seconds ago",  // the rule holds
      "openclaw  | Gateway failed to start: port in use",     // the rule holds
      "Gateway failed to start: port in use"};                // trigger, rule fails
  LinePrefilter filter(*db);
  filter.begin_input();
  std::string buffer;
  for (const auto& l : lines) buffer += l + "\n";
  filter.scan_lines(buffer, 0);
  std::uint64_t offset = 0;
  std::vector<std::vector<std::size_t>> got;
  for (const auto& l : lines) {
    got.push_back(filter.candidates(line_event(l, l, offset)));
    offset += l.size() + 1;
  }
  CHECK(got == std::vector<std::vector<std::size_t>>{{}, {0}, {1}, {1}});
  // What the Matcher makes of them is what it makes of RuleSet::candidates (the Analyzer
  // with the prefilter in it, fed the bytes first, against one without).
  AnalyzerOptions filtered;
  filtered.prefilter = db.get();
  Analyzer with_prefilter(rules, filtered), without(rules);
  with_prefilter.begin_input();
  with_prefilter.scan(buffer, 0);
  offset = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Event e = line_event(lines[i], lines[i], offset);
    with_prefilter.add(e, 0);
    without.add(e, 0);
    offset += lines[i].size() + 1;
  }
  const AnalysisResult a = with_prefilter.finish();
  const AnalysisResult b = without.finish();
  REQUIRE_FALSE(a.diagnoses.empty());
  REQUIRE(a.diagnoses.size() == b.diagnoses.size());
  CHECK(a.events_matched == 2);
  CHECK(b.events_matched == 2);
  for (std::size_t i = 0; i < a.diagnoses.size(); ++i) {
    CHECK(a.diagnoses[i].rule == b.diagnoses[i].rule);
    CHECK(a.diagnoses[i].count == b.diagnoses[i].count);
    CHECK(a.diagnoses[i].fingerprint == b.diagnoses[i].fingerprint);
  }
}

TEST_CASE("the pack's build-time database serves its patterns; a user's get their own",
          "[prefilter]") {
  if (!prefilter_available()) return;
  namespace fs = std::filesystem;
  const std::string user_rule = R"(
  - id: mine
    cause: oom
    match:
      regex: 'gateway ran dry of file handles'
)";
  const RuleSet pack_only = rules_from(kRules);
  const std::string pack = compile_pack_database(pack_only);
  REQUIRE_FALSE(pack.empty());
  const fs::path dir =
      fs::temp_directory_path() / ("logdx-prefilter-pack-" + std::to_string(getpid()));
  fs::remove_all(dir);
  auto entries = [&dir] {
    std::error_code ec;
    std::size_t n = 0;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); ++it)
      ++n;
    return n;
  };

  // The pack alone: nothing compiled, nothing written, the same candidates as RE2.
  const auto served = PatternDatabase::build(pack_only, dir.string(), pack);
  CHECK(served->from_cache());
  CHECK(entries() == 0);
  CHECK(served->rejected().size() == PatternDatabase::build(pack_only)->rejected().size());
  const std::string oom = "kernel: Out of memory: Killed process 12 (node)";
  {
    LinePrefilter filter(*served);
    filter.begin_input();
    filter.scan_lines(oom + "\n", 0);
    const Event e = line_event(oom, oom.substr(8), 0);
    CHECK(filter.candidates(e) == pack_only.candidates(e));
    CHECK(filter.candidates(e) == std::vector<std::size_t>{2});
  }

  // A user's rule added: only its pattern is compiled (and cached); the pack's stays served.
  const RuleSet with_user = rules_from(std::string(kRules) + user_rule);
  const auto both = PatternDatabase::build(with_user, dir.string(), pack);
  CHECK_FALSE(both->from_cache());
  CHECK(entries() == 1);
  CHECK(PatternDatabase::build(with_user, dir.string(), pack)->from_cache());
  const std::string dry = "gateway ran dry of file handles";
  LinePrefilter filter(*both);
  filter.begin_input();
  filter.scan_lines(oom + "\n" + dry + "\n", 0);
  const Event e1 = line_event(oom, oom.substr(8), 0);
  const Event e2 = line_event(dry, dry, oom.size() + 1);
  CHECK(filter.candidates(e1) == with_user.candidates(e1));
  CHECK(filter.candidates(e2) == with_user.candidates(e2));
  CHECK(filter.candidates(e2) == std::vector<std::size_t>{with_user.rules().size() - 1});

  // A damaged pack is never trusted: everything is compiled as without one.
  const auto damaged = PatternDatabase::build(pack_only, {}, pack.substr(0, pack.size() / 2));
  CHECK_FALSE(damaged->from_cache());
  CHECK(damaged->refs().size() == served->refs().size());
  fs::remove_all(dir);
}
