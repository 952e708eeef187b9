// The Analyzer wires the stages: Matcher (streaming, add) -> time order -> correlation per
// rule -> drafts per fingerprint -> joins -> rendered diagnoses -> folding and ranking.
#include "logdx/engine/analyzer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <optional>
#include <tuple>

#include "analysis/correlation.hpp"
#include "analysis/diagnosis_builder.hpp"
#include "analysis/draft.hpp"
#include "analysis/failing_victim.hpp"
#include "analysis/join.hpp"
#include "analysis/key_events.hpp"
#include "analysis/last_words.hpp"
#include "analysis/matcher.hpp"
#include "analysis/own_port_conflict.hpp"
#include "analysis/permute.hpp"
#include "analysis/ranking.hpp"
#include "analysis/repeated_fixes.hpp"
#include "analysis/script_names.hpp"
#include "analysis/tied_victim.hpp"
#include "analysis/unlinked_victim.hpp"
#include "analysis/volatile_fold.hpp"
#include "logdx/engine/prefilter.hpp"

namespace logdx {

using analysis::Draft;
using analysis::Finding;
using analysis::Hit;
using analysis::MatchedEvent;
using analysis::RuleHits;

namespace {

// `sources:` says where a rule's message is expected, not where it may be found: a paste
// without its envelope (plain text), or a line in an envelope nobody foresaw, still matches.
// A finding none of whose lines came from a named source keeps a little less confidence.
constexpr double kOffSourceConfidence = 0.85;

bool seen_in_named_source(const CompiledRule& rule, const Draft& draft,
                          const analysis::Matcher& matcher) {
  if (rule.sources.empty()) return true;
  const auto& hits = matcher.hits();
  const auto& events = matcher.events();
  return std::any_of(draft.hits.begin(), draft.hits.end(), [&](std::uint32_t hit) {
    return rule.applies_to(events[hits[hit].event].source);
  });
}

// What a capped rule's findings say and do not say. Lines past the cap that its counts took
// (PastCapTally) are in `count` and `last_seen`; evidence, windows and folding saw the first
// `cap` only.
std::string over_cap_note(const std::string& rule_id, std::uint64_t over_cap,
                          std::uint64_t counted, std::size_t cap) {
  if (counted == over_cap) {
    return fmt::format(
        "rule '{}': {} more matching lines after the first {} were not kept "
        "(max_hits_per_rule); its count and last time include them, its evidence and time "
        "windows cover the first {} only",
        rule_id, over_cap, cap, cap);
  }
  if (counted > 0) {
    return fmt::format(
        "rule '{}': {} more matching lines after the first {} were counted but not kept "
        "(max_hits_per_rule); its counts include {} of them, its evidence and time windows "
        "cover the first {} only",
        rule_id, over_cap, cap, counted, cap);
  }
  return fmt::format(
      "rule '{}': {} more matching lines after the first {} were counted but not kept "
      "(max_hits_per_rule), so its findings cover the first {} only",
      rule_id, over_cap, cap, cap);
}

}  // namespace

struct Analyzer::State {
  State(const RuleSet& rule_set, AnalyzerOptions analyzer_options)
      : rules(rule_set),
        options(analyzer_options),
        matcher(rule_set, analyzer_options.max_hits_per_rule,
                analyzer_options.max_hits_per_join_value) {
    if (options.prefilter != nullptr) prefilter.emplace(*options.prefilter);
  }

  // Puts the hits in time order (so hit indexes are time order) and splits them per rule.
  std::vector<RuleHits> order_hits();
  std::vector<Draft> correlate_rule(std::size_t rule_index, const RuleHits& rule_hits,
                                    std::vector<AnalysisNote>& notes);

  const RuleSet& rules;
  AnalyzerOptions options;
  analysis::Matcher matcher;
  std::optional<LinePrefilter> prefilter;  // its own Hyperscan scratch: one per Analyzer
  std::uint64_t outside_window = 0;        // of merged parts; options.window counts its own
  // Per rule: lines past max_hits_per_rule that its findings' counts took (PastCapTally).
  std::vector<std::uint64_t> counted_past_cap = std::vector<std::uint64_t>(rules.rules().size());
};

std::vector<RuleHits> Analyzer::State::order_hits() {
  const analysis::KeptEvents& events = matcher.events();
  analysis::KeptHits& hits = matcher.hits();
  std::vector<std::uint32_t> order(hits.size());
  std::iota(order.begin(), order.end(), 0U);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const Hit& x = hits[a];
    const Hit& y = hits[b];
    if (x.event != y.event) return analysis::event_before(events[x.event], events[y.event]);
    return std::tie(x.rule, x.role, x.step) < std::tie(y.rule, y.role, y.step);
  });
  analysis::permute(hits, order);

  std::vector<RuleHits> per_rule(rules.rules().size());
  for (std::uint32_t i = 0; i < hits.size(); ++i) {
    RuleHits& target = per_rule[hits[i].rule];
    switch (hits[i].role) {
      case Hit::Role::match:
        target.match.push_back(i);
        break;
      case Hit::Role::step:
        target.steps.push_back(i);
        break;
      case Hit::Role::missing:
        target.missing.push_back(i);
        break;
    }
  }
  return per_rule;
}

std::vector<Draft> Analyzer::State::correlate_rule(std::size_t rule_index,
                                                   const RuleHits& rule_hits,
                                                   std::vector<AnalysisNote>& notes) {
  const CompiledRule& rule = rules.rules()[rule_index];
  const analysis::CorrelationInput input{
      rule,           rule_hits,          matcher.events(),
      matcher.hits(), matcher.timeline(), options.max_groups_per_rule};
  analysis::CorrelationResult correlated = analysis::correlate(input);
  std::sort(correlated.findings.begin(), correlated.findings.end(),
            [](const Finding& a, const Finding& b) { return a.hits.front() < b.hits.front(); });
  analysis::DraftResult drafted =
      analysis::build_drafts(static_cast<std::uint32_t>(rule_index), rule, correlated.findings,
                             matcher.hits(), matcher.events(), options.max_groups_per_rule);
  for (Draft& draft : drafted.drafts) {
    if (!seen_in_named_source(rule, draft, matcher)) draft.confidence *= kOffSourceConfidence;
  }
  counted_past_cap[rule_index] =
      matcher.past_cap().attribute(static_cast<std::uint32_t>(rule_index), rule, drafted.drafts,
                                   matcher.hits(), matcher.events(), matcher.host_tally().many());
  // A limit note belongs to a finding: a capped rule that found nothing has nothing to qualify.
  if ((correlated.capped || drafted.capped) && !drafted.drafts.empty()) {
    notes.push_back(AnalysisNote{fmt::format(
        "rule '{}': more than {} groups (max_groups_per_rule); events of further groups were "
        "not correlated, so its counts may be low",
        rule.id, options.max_groups_per_rule)});
  }
  return std::move(drafted.drafts);
}

Analyzer::Analyzer(const RuleSet& rules, AnalyzerOptions options)
    : state_(std::make_unique<State>(rules, options)) {}

Analyzer::~Analyzer() = default;

void Analyzer::begin_input() {
  if (state_->prefilter) state_->prefilter->begin_input();
}

void Analyzer::scan(std::string_view lines, std::uint64_t offset) {
  if (state_->prefilter) state_->prefilter->scan_lines(lines, offset);
}

bool Analyzer::add(const Event& event, std::size_t input_index) {
  State& s = *state_;
  if (!s.prefilter) {
    if (!s.options.window.keep(event, input_index)) return false;
    s.matcher.add(event, input_index, s.rules.candidates(event));
    return true;
  }
  // Asked for every event, in order, even one the window drops: it walks the input's hits.
  const std::vector<std::size_t> candidates = s.prefilter->candidates(event);
  if (!s.options.window.keep(event, input_index)) return false;
  s.matcher.add(event, input_index, candidates);
  return true;
}

std::uint64_t Analyzer::outside_window() const {
  return state_->outside_window + state_->options.window.dropped();
}

void Analyzer::merge(Analyzer&& part) {
  state_->matcher.absorb(std::move(part.state_->matcher));
  state_->outside_window += part.outside_window();
}

AnalysisResult Analyzer::finish() {
  AnalysisResult result;
  state_->matcher.key_hosts();
  const std::vector<RuleHits> per_rule = state_->order_hits();
  const std::vector<CompiledRule>& rules = state_->rules.rules();
  std::vector<std::vector<Draft>> drafts(rules.size());
  // Context rules (`report: false`) are never diagnoses: their lines serve the loops as last
  // words, tie a script path to its app (`subject_alias`, never an app's last word), or only
  // stand as a join's partner (`input_fact`: a container, a build step).
  std::vector<std::uint32_t> context_hits;
  std::vector<std::uint32_t> alias_hits;
  const std::vector<bool> joined = analysis::join_targets(state_->rules);
  for (std::size_t r = 0; r < rules.size(); ++r) {
    if (rules[r].report) {
      drafts[r] = state_->correlate_rule(r, per_rule[r], result.notes);
      continue;
    }
    if (joined[r] && !per_rule[r].match.empty()) {
      drafts[r].push_back(
          analysis::context_partner(static_cast<std::uint32_t>(r), per_rule[r].match));
    }
    if (rules[r].cause == analysis::kInputFact) continue;
    auto& into = rules[r].cause == analysis::kSubjectAlias ? alias_hits : context_hits;
    into.insert(into.end(), per_rule[r].match.begin(), per_rule[r].match.end());
  }
  const auto& events = state_->matcher.events();
  const auto& hits = state_->matcher.hits();
  analysis::resolve_joins(state_->rules, drafts, events, hits);
  // A context rule's partner draft has served its joins: it is never a diagnosis.
  for (std::size_t r = 0; r < rules.size(); ++r) {
    if (!rules[r].report) drafts[r].clear();
  }
  // After the joins: each occurrence (each pid) found its own partner first.
  for (std::size_t r = 0; r < rules.size(); ++r)
    analysis::fold_volatile_drafts(rules[r], drafts[r]);

  const analysis::EvidenceLimits limits{state_->options.evidence_head,
                                        state_->options.evidence_tail,
                                        state_->options.evidence_partner};
  std::vector<analysis::BuiltDiagnosis> built;
  std::vector<analysis::LinkProfile> profiles;  // what folding compares: subjects, times, exits
  const analysis::PidNames pid_names(events);
  const analysis::ScriptNames script_names(alias_hits, events, hits);
  const analysis::SubjectNames known{pid_names, script_names};
  for (std::size_t r = 0; r < rules.size(); ++r) {
    for (Draft& draft : drafts[r]) {
      // A `pm2 describe` status row names no app: the table it sits in does.
      if (const std::string* app = script_names.table_app_of(draft, rules[r], events, hits)) {
        draft.captures.emplace_back("app", *app);
      }
      built.push_back(analysis::build_diagnosis(draft, rules[r], events, hits, limits));
      profiles.push_back(analysis::link_profile(draft, rules[r], events, hits, known));
    }
  }
  analysis::name_tied_victims(built, profiles, pid_names);
  analysis::lower_unlinked_victims(built, profiles);
  analysis::raise_failing_victims(built, profiles, state_->matcher.names_gateway());
  analysis::raise_own_port_conflicts(built, profiles);
  const analysis::LastWordsByLoop last_words =
      analysis::find_last_words(rules, drafts, context_hits, events, hits);
  result.diagnoses = analysis::fold_and_rank(std::move(built), std::move(profiles));
  analysis::attach_last_words(result.diagnoses, last_words, events);
  analysis::mark_repeated_fixes(result.diagnoses);
  if (state_->options.timeline) {
    result.timeline = analysis::key_events(state_->rules, drafts, events, hits);
  }
  const auto& over_cap = state_->matcher.over_cap_per_rule();
  for (std::size_t r = 0; r < rules.size(); ++r) {
    // Only where the capped rule produced a finding (a context rule never does): a note on a
    // rule with nothing to show is noise that reads like a problem.
    if (over_cap[r] == 0 || !rules[r].report || drafts[r].empty()) continue;
    result.notes.push_back(AnalysisNote{over_cap_note(rules[r].id, over_cap[r],
                                                      state_->counted_past_cap[r],
                                                      state_->options.max_hits_per_rule)});
  }
  const auto& over_join_cap = state_->matcher.over_join_cap_per_rule();
  for (std::size_t r = 0; r < rules.size(); ++r) {
    if (over_join_cap[r] == 0 || !rules[r].report || drafts[r].empty()) continue;
    result.notes.push_back(AnalysisNote{fmt::format(
        "rule '{}': {} more matching lines with the same join values after the first {} were "
        "counted but not kept (max_hits_per_join_value), so its counts cover those only",
        rules[r].id, over_join_cap[r], state_->options.max_hits_per_join_value)});
  }
  result.events_seen = state_->matcher.events_seen();
  result.events_matched = events.size();
  result.hosts = state_->matcher.host_tally().hosts();
  return result;
}

}  // namespace logdx
