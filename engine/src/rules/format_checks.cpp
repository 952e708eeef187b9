#include "rules/format_checks.hpp"

#include <fmt/format.h>

#include <map>

#include "logdx/parsers/parser_registry.hpp"

namespace logdx::rules {
namespace {

void report(std::vector<RuleDiagnostic>& out, RuleProblem code, const SourcePosition& where,
            std::initializer_list<std::string_view> args) {
  out.push_back(make_rule_diagnostic(code, where, args));
}

LineFormatSpec spec_of(const FormatDef& def) {
  LineFormatSpec spec;
  spec.id = def.id.value;
  spec.regex = def.regex.value;
  if (def.unless) spec.unless = def.unless->value;
  if (def.time_format) spec.time_format = def.time_format->value;
  if (def.source) spec.source = def.source->value;
  if (def.description) spec.description = def.description->value;
  return spec;
}

// The compile error as a diagnostic at the value it is about.
void report_error(const FormatDef& def, const LineFormatError& error,
                  std::vector<RuleDiagnostic>& out) {
  using Kind = LineFormatError::Kind;
  switch (error.kind) {
    case Kind::bad_regex:
      report(out, RuleProblem::bad_regex, def.regex.at, {error.detail});
      return;
    case Kind::bad_unless:
      report(out, RuleProblem::bad_regex, def.unless ? def.unless->at : def.at, {error.detail});
      return;
    case Kind::unknown_group:
      report(out, RuleProblem::unknown_group, def.regex.at, {def.id.value, error.detail});
      return;
    case Kind::no_message_group:
      report(out, RuleProblem::bad_format, def.regex.at,
             {def.id.value, "has no (?P<message>...) group: the message is what rules read"});
      return;
    case Kind::bad_time_format:
      report(out, RuleProblem::bad_format, def.time_format ? def.time_format->at : def.at,
             {def.id.value,
              fmt::format("has time_format '{}'; one of iso8601, syslog, epoch, time-only or a "
                          "strftime pattern of %Y %y %m %d %e %H %M %S %b %f %z %T %F",
                          error.detail)});
      return;
  }
}

// Compiles one format and checks its samples; null after reporting. A format the build
// checked (the built-in pack's) is compiled on first use and its samples are not read again:
// compiling the pack's formats at every start was a tenth of a one-line run.
LineFormatPtr check_one(const FormatDef& def, std::vector<RuleDiagnostic>& out) {
  const bool checked = def.at.source && def.at.source->checked_at_build;
  auto compiled =
      checked ? LineFormat::compile_later(spec_of(def)) : LineFormat::compile(spec_of(def));
  if (const auto* error = std::get_if<LineFormatError>(&compiled)) {
    report_error(def, *error, out);
    return nullptr;
  }
  LineFormatPtr format = std::get<LineFormatPtr>(std::move(compiled));
  if (checked) return format;
  bool samples_ok = true;
  for (const LocatedString& sample : def.samples) {
    if (format->reads(sample.value)) continue;
    report(out, RuleProblem::sample_mismatch, sample.at,
           {def.id.value, def.time_format
                              ? fmt::format("the pattern does not match it, or its time is not a "
                                            "'{}' time",
                                            def.time_format->value)
                              : std::string("the pattern does not match it")});
    samples_ok = false;
  }
  return samples_ok ? format : nullptr;
}

}  // namespace

std::vector<LineFormatPtr> check_formats(const std::vector<const RuleFile*>& files,
                                         std::vector<RuleDiagnostic>& diagnostics) {
  const ParserRegistry builtin = ParserRegistry::builtin();
  std::map<std::string, SourcePosition, std::less<>> seen;
  std::vector<LineFormatPtr> out;
  for (const RuleFile* file : files) {
    for (const FormatDef& def : file->formats) {
      if (def.damaged) continue;
      if (builtin.find(def.id.value) != nullptr) {
        report(diagnostics, RuleProblem::duplicate_id, def.id.at,
               {"format", def.id.value, "a built-in parser", ""});
        continue;
      }
      if (auto it = seen.find(def.id.value); it != seen.end()) {
        RuleDiagnostic d =
            make_rule_diagnostic(RuleProblem::duplicate_id, def.id.at,
                                 {"format", def.id.value, format_position(it->second), ""});
        d.related = it->second;
        diagnostics.push_back(std::move(d));
        continue;
      }
      seen.emplace(def.id.value, def.id.at);
      if (LineFormatPtr format = check_one(def, diagnostics)) out.push_back(std::move(format));
    }
  }
  return out;
}

}  // namespace logdx::rules
