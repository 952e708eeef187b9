#include "logdx/parsers/envelope_peeler.hpp"

#include "core/start_table.hpp"
#include "kernel/fault_report.hpp"

namespace logdx {

EnvelopePeeler::EnvelopePeeler(const ParserRegistry& registry, const ParserOptions& options) {
  for (const auto& entry : registry.entries()) {
    if (entry.info.peelable) parsers_.push_back(entry.factory(options));
  }
  offered_.assign(parsers_.size(), false);
  starts_ = std::make_unique<StartTable>(parsers_);
}

EnvelopePeeler::~EnvelopePeeler() = default;
EnvelopePeeler::EnvelopePeeler(EnvelopePeeler&&) noexcept = default;
EnvelopePeeler& EnvelopePeeler::operator=(EnvelopePeeler&&) noexcept = default;

void EnvelopePeeler::merge_inner(Event& outer, Event&& inner) {
  if (inner.time.has_value()) {
    outer.time = inner.time;
    outer.time_text = std::move(inner.time_text);
  }
  // The inner envelope knows more about the process; the outer about where it ran.
  // A generic kind (app, other) never replaces a specific one the outer envelope knew.
  const bool inner_generic = inner.source == SourceKind::app || inner.source == SourceKind::other;
  const bool outer_generic = outer.source == SourceKind::app || outer.source == SourceKind::other;
  if (!inner_generic || outer_generic) {
    if (inner.source != SourceKind::other) outer.source = inner.source;
  }
  if (!inner.host.empty()) outer.host = std::move(inner.host);
  if (!inner.unit.empty()) outer.unit = std::move(inner.unit);
  if (!inner.app.empty()) outer.app = std::move(inner.app);
  if (!inner.process.empty()) outer.process = std::move(inner.process);
  if (inner.pid) outer.pid = inner.pid;
  if (inner.level != Level::unknown) outer.level = inner.level;
  if (!inner.subsystem.empty()) outer.subsystem = std::move(inner.subsystem);
  for (auto& [key, value] : inner.fields) outer.set_field(key, value);
  outer.message = std::move(inner.message);
}

int EnvelopePeeler::peel(Event& event) {
  int depth = 0;
  while (depth < kMaxDepth) {
    bool peeled = false;
    // A parser the start table rules out would be refused after its reset anyway; it stays
    // as it is, and is reset when it is next offered a message.
    for (const std::uint16_t i : starts_->candidates(event.message)) {
      // The kernel's fault report starts with the task's "comm[pid]: ", which a syslog-tag
      // reader would take as the writer: the report is the kernel's text, no envelope inside.
      // Asked only of a message some parser may take (prose reaches none).
      if (event.source == SourceKind::kernel && kernel::is_fault_report(event.message)) {
        return depth;
      }
      EnvelopeParser& parser = *parsers_[i];
      // A format does not nest inside itself (a docker -t stamp inside a docker -t line is
      // the app's own ISO stamp, which the next peel reads).
      if (parser.info().name == event.parser) continue;
      // Each attempt starts from a reset parser; one never offered a line since its last
      // reset is in that state already (most messages pass no parser's gate).
      if (offered_[i]) parser.reset();
      offered_[i] = false;
      if (!parser.may_start(event.message)) continue;
      Event& inner = scratch_;
      inner.clear();
      offered_[i] = true;
      if (parser.parse_line(event.message, inner, nullptr) != LineVerdict::record) continue;
      if (inner.message.size() >= event.message.size() && !inner.time.has_value() &&
          inner.fields.empty()) {
        continue;  // claimed the line but learned nothing: not a real envelope
      }
      if (event.envelopes.empty()) event.envelopes.push_back(event.parser);
      event.parser.assign(parser.info().name);  // into its buffer: no string per peel
      event.envelopes.push_back(event.parser);
      merge_inner(event, std::move(inner));
      peeled = true;
      ++depth;
      break;
    }
    if (!peeled) break;
  }
  return depth;
}

}  // namespace logdx
