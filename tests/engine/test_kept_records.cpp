// What the analyzer keeps of matching lines (analysis/matcher.hpp, matched_event.hpp): bounded
// per rule at any share of failing lines, compact, and the same whether the lines came through
// one Matcher or through parts absorbed in order (-j, one part per input).
#include <algorithm>
#include <numeric>
#include <random>

#include "analysis/matcher.hpp"
#include "analysis/packed_captures.hpp"
#include "analysis/permute.hpp"
#include "analyzer_test_support.hpp"

using namespace logdx;
using namespace logdx::analysis;
using namespace logdx::testing;

namespace {

const char* const kRules = R"yaml(logdx_rules: 1
rules:
  - id: oom-killed
    cause: oom_kernel
    match:
      regex: 'Out of memory: Killed process (?P<pid>\d+) \((?P<name>[^)]+)\) total-vm:(?P<vm>\d+)kB'
  - id: upstream-refused
    cause: proxy_upstream
    match:
      regex: 'connect\(\) failed \(111: Connection refused\) while connecting to upstream, upstream: "(?P<upstream>[^"]+)"'
)yaml";

// Line `i` of a mixed log where every `every`-th line fails, alternating the two failures.
Event mixed_line(int i, int every) {
  std::string message = "[ws] webchat connected conn=" + std::to_string(i);
  if (i % every == 0) {
    message = (i / every) % 2 == 0
                  ? "Out of memory: Killed process " + std::to_string(2000 + i) +
                        " (node) total-vm:1234567kB, anon-rss:456789kB"
                  : "2026/11/20 10:00:00 [error] 812#812: *" + std::to_string(i) +
                        " connect() failed (111: Connection refused) while connecting to "
                        "upstream, upstream: \"http://127.0.0.1:18789/\"";
  }
  Event e = make_event({"2026-11-20T10:00:00Z", message, 0, static_cast<std::uint64_t>(i + 1)});
  e.time.nanos += static_cast<std::int64_t>(i) * 1'000'000;
  return e;
}

// Feeds lines [from, to) of the mixed log to `matcher`, as input `input`.
void feed(Matcher& matcher, const RuleSet& rules, int from, int to, int every,
          std::size_t input = 0) {
  for (int i = from; i < to; ++i) {
    const Event e = mixed_line(i, every);
    matcher.add(e, input, rules.candidates(e));
  }
}

std::vector<std::size_t> hits_per_rule(const Matcher& matcher, std::size_t rules) {
  std::vector<std::size_t> out(rules, 0);
  for (const Hit& hit : matcher.hits()) ++out[hit.rule];
  return out;
}

}  // namespace

TEST_CASE("kept lines per rule stop growing at the cap, at 1 %, 10 % and 100 % failing lines",
          "[analyzer][memory]") {
  const RuleSet rules = rules_from(kRules);
  constexpr std::size_t kCap = 40;
  for (const int every : {100, 10, 1}) {
    INFO("one failing line in " << every);
    Matcher matcher(rules, kCap, 1000);
    feed(matcher, rules, 0, 20'000, every);
    const std::size_t failing = 20'000 / every;
    const std::vector<std::size_t> per_rule = hits_per_rule(matcher, rules.rules().size());
    // Each rule kept its first kCap lines, no more; the rest are counted, not kept.
    CHECK(per_rule == std::vector<std::size_t>{kCap, kCap});
    CHECK(matcher.events().size() == 2 * kCap);
    CHECK(matcher.over_cap_per_rule()[0] + matcher.over_cap_per_rule()[1] == failing - 2 * kCap);
    CHECK(matcher.events_seen() == 20'000);
  }
}

TEST_CASE("kept lines stay capped across parts absorbed in order", "[analyzer][memory]") {
  const RuleSet rules = rules_from(kRules);
  constexpr std::size_t kCap = 25;
  Matcher merged(rules, kCap, 1000);
  for (int part_index = 0; part_index < 4; ++part_index) {
    Matcher part(rules, kCap, 1000);
    feed(part, rules, part_index * 1000, (part_index + 1) * 1000, 10,
         static_cast<std::size_t>(part_index));
    merged.absorb(std::move(part));
  }
  CHECK(hits_per_rule(merged, rules.rules().size()) == std::vector<std::size_t>{kCap, kCap});
  CHECK(merged.events().size() == 2 * kCap);
  CHECK(merged.over_cap_per_rule()[0] + merged.over_cap_per_rule()[1] == 400 - 2 * kCap);
}

TEST_CASE("parts absorbed in order keep what one Matcher fed every line keeps",
          "[analyzer][memory]") {
  const RuleSet rules = rules_from(kRules);
  constexpr std::size_t kCap = 30;
  Matcher one(rules, kCap, 1000);
  Matcher merged(rules, kCap, 1000);
  for (int p = 0; p < 3; ++p) {
    feed(one, rules, p * 500, (p + 1) * 500, 7, static_cast<std::size_t>(p));
    Matcher part(rules, kCap, 1000);
    feed(part, rules, p * 500, (p + 1) * 500, 7, static_cast<std::size_t>(p));
    merged.absorb(std::move(part));
  }
  REQUIRE(merged.events().size() == one.events().size());
  REQUIRE(merged.hits().size() == one.hits().size());
  for (std::size_t i = 0; i < one.events().size(); ++i) {
    const MatchedEvent& a = one.events()[i];
    const MatchedEvent& b = merged.events()[i];
    CHECK(std::tie(a.input_index, a.line, a.arrival) == std::tie(b.input_index, b.line, b.arrival));
    CHECK(a.raw() == b.raw());
    CHECK(a.input() == b.input());
    CHECK(a.message() == b.message());
    CHECK(a.effective_text() == b.effective_text());
    CHECK(a.time_text() == b.time_text());
    CHECK(a.time() == b.time());
    CHECK(std::tie(a.exits.killed, a.exits.other) == std::tie(b.exits.killed, b.exits.other));
  }
  for (std::size_t i = 0; i < one.hits().size(); ++i) {
    CHECK(one.hits()[i].event == merged.hits()[i].event);
    CHECK(one.hits()[i].captures.unpack() == merged.hits()[i].captures.unpack());
  }
  CHECK(one.over_cap_per_rule() == merged.over_cap_per_rule());
}

TEST_CASE("a kept line holds its message once, inside the raw text, and names its input",
          "[analyzer][memory]") {
  const RuleSet rules = rules_from(kRules);
  Matcher matcher(rules, 10, 10);
  Event inside = mixed_line(0, 1);  // raw: "<time> <message>"
  Event apart = mixed_line(1, 1);
  apart.raw = "Nov 20 10:00:00 vm nginx[812]: an envelope that does not hold the message";
  Event bare = mixed_line(2, 1);
  bare.raw.clear();  // a JSON field's text: no raw line of its own
  bare.time = {};    // and no time: it carries the last one
  for (const Event* e : {&inside, &apart, &bare}) matcher.add(*e, 0, rules.candidates(*e));
  REQUIRE(matcher.events().size() == 3);
  const MatchedEvent& a = matcher.events()[0];
  CHECK(a.message() == inside.message);
  CHECK(a.raw() == inside.raw);
  CHECK(a.time_text() == "2026-11-20T10:00:00Z");
  CHECK(a.input() == "input-0.log");
  const MatchedEvent& b = matcher.events()[1];
  CHECK(b.message() == apart.message);
  CHECK(b.raw() == apart.raw);
  const MatchedEvent& c = matcher.events()[2];
  CHECK(c.raw() == bare.message);
  CHECK(c.message() == bare.message);
  CHECK(c.effective_text() == "2026-11-20T10:00:00Z");  // carried from the line before
  CHECK(c.time_text() == bare.time_text);               // what the line itself wrote
  // One name for every kept line of the input, not a copy each.
  CHECK(a.input_name.get() == c.input_name.get());
}

// A kept line's own size is what is left growing with the share of failing lines once its
// texts are compressed (raw_store.hpp): three to a 512-byte block of the kept deque, where at
// 256 bytes two fit and a 10 %-failing 100 MB log peaked 6 MB higher.
TEST_CASE("a kept line is small enough for three to a deque block", "[analyzer][memory]") {
  CHECK(sizeof(MatchedEvent) <= 512 / 3);
}

TEST_CASE("packed captures give back every name and value, any byte included", "[analyzer]") {
  const Captures captures = {{"pid", "2334"},
                             {"empty", ""},
                             {"odd", std::string("a\0b\x1f"
                                                 "c",
                                                 5)},
                             {"long", std::string(300, 'x')}};
  const PackedCaptures packed(captures);
  CHECK(packed.unpack() == captures);
  std::string_view value;
  REQUIRE(packed.find("odd", value));
  CHECK(value == std::string_view("a\0b\x1f"
                                  "c",
                                  5));
  REQUIRE(packed.find("empty", value));
  CHECK(value.empty());
  CHECK_FALSE(packed.find("missing", value));
  CHECK(PackedCaptures().unpack().empty());
  // Merging keeps what the target holds and adds what it lacks, in order.
  Captures into = {{"pid", "1"}};
  packed.merge_into(into);
  CHECK(into == Captures{{"pid", "1"}, {"empty", ""}, captures[2], captures[3]});
}

TEST_CASE("hits reordered in place land where the order names", "[analyzer]") {
  std::mt19937 random(20261120);
  for (const std::size_t size : {0U, 1U, 2U, 17U, 500U}) {
    KeptHits hits(size);
    for (std::size_t i = 0; i < size; ++i) {
      hits[i].event = static_cast<std::uint32_t>(i);
      hits[i].captures = PackedCaptures(Captures{{"i", std::to_string(i)}});
    }
    std::vector<std::uint32_t> order(size);
    std::iota(order.begin(), order.end(), 0U);
    std::shuffle(order.begin(), order.end(), random);
    const std::vector<std::uint32_t> wanted = order;
    permute(hits, order);
    for (std::size_t i = 0; i < size; ++i) {
      CHECK(hits[i].event == wanted[i]);
      CHECK(hits[i].captures.unpack() == Captures{{"i", std::to_string(wanted[i])}});
    }
  }
}

TEST_CASE("kept lines of one writer share its names; hits that captured the same share that",
          "[analyzer][memory]") {
  const RuleSet rules = rules_from(kRules);
  Matcher matcher(rules, 100, 100);
  std::vector<Event> lines;
  for (int i = 1; i <= 3; ++i) {
    // The same upstream refused three times by one nginx, then once on another host.
    Event e = mixed_line(2 * i - 1, 1);  // odd lines: the refused upstream
    e.host = i == 3 ? "gw-2" : "gw-1";
    e.unit = "nginx.service";
    e.process = "nginx";
    lines.push_back(e);
  }
  for (const Event& e : lines) matcher.add(e, 0, rules.candidates(e));
  REQUIRE(matcher.events().size() == 3);
  const KeptEvents& kept = matcher.events();
  CHECK(kept[0].origin.get() == kept[1].origin.get());
  CHECK(kept[2].origin.get() != kept[0].origin.get());
  CHECK(kept[0].unit() == "nginx.service");
  CHECK(kept[2].host() == "gw-2");
  CHECK(kept[0].host() == "gw-1");
  REQUIRE(matcher.hits().size() == 3);
  CHECK(matcher.hits()[0].captures.shared() == matcher.hits()[1].captures.shared());
  std::string_view upstream;
  REQUIRE(matcher.hits()[2].captures.find("upstream", upstream));
  CHECK(upstream == "http://127.0.0.1:18789/");
}
