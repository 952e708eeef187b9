// Registers the journal family: journalctl in its output modes, rsyslog files (same shapes as
// journalctl short / short-iso) and systemctl status.

#include "journal/export_parser.hpp"
#include "journal/json_parser.hpp"
#include "journal/short_line.hpp"
#include "journal/systemctl_status_parser.hpp"
#include "logdx/parsers/parser_registry.hpp"

namespace logdx {
namespace {

using journal::StampShape;

// The short-line shapes are more specific than systemctl-status (which also accepts them in
// its journal tail) so that a plain journal file is named by its own shape; journal-monotonic
// outranks raw dmesg, whose grammar also accepts "[ secs] host ident[pid]: msg".
constexpr ParserInfo kSyslogBsdInfo{
    "syslog-bsd",
    "'Mmm dd HH:MM:SS[.us] [host] ident[pid]: msg': journalctl short/short-precise (also "
    "--no-hostname, localised months), rsyslog traditional, kern.log, macOS system.log",
    SourceKind::other, 60, false};
constexpr ParserInfo kSyslogIsoInfo{
    "syslog-iso",
    "'YYYY-MM-DDTHH:MM:SS[.us]+ZZZZ host ident[pid]: msg': journalctl short-iso[-precise], "
    "rsyslog RFC 3339",
    SourceKind::other, 60, false};
constexpr ParserInfo kJournalMonotonicInfo{
    "journal-monotonic", "journalctl -o short-monotonic: '[ secs.us] host ident[pid]: msg'",
    SourceKind::other, 65, false};
constexpr ParserInfo kJournalUnixInfo{"journal-unix",
                                      "journalctl -o short-unix: 'secs.us host ident[pid]: msg'",
                                      SourceKind::other, 60, false};
constexpr ParserInfo kJournalWithUnitInfo{
    "journal-with-unit",
    "journalctl -o with-unit / short-full: 'Tue 2026-02-10 15:05:10 UTC host unit[pid]: msg'",
    SourceKind::other, 60, false};

template <const ParserInfo& kInfo, StampShape kShape>
std::unique_ptr<EnvelopeParser> make_short(const ParserOptions& options) {
  return journal::make_short_parser(kInfo, kShape, options);
}

}  // namespace

void register_journal_parsers(ParserRegistry& registry) {
  registry.add(kSyslogBsdInfo, make_short<kSyslogBsdInfo, StampShape::bsd>);
  registry.add(kSyslogIsoInfo, make_short<kSyslogIsoInfo, StampShape::iso>);
  registry.add(kJournalMonotonicInfo, make_short<kJournalMonotonicInfo, StampShape::monotonic>);
  registry.add(kJournalUnixInfo, make_short<kJournalUnixInfo, StampShape::unix_time>);
  registry.add(kJournalWithUnitInfo, make_short<kJournalWithUnitInfo, StampShape::weekday>);
  registry.add(journal::kJournalJsonInfo, journal::make_journal_json_parser);
  registry.add(journal::kJournalJsonPrettyInfo, journal::make_journal_json_pretty_parser);
  registry.add(journal::kJournalExportInfo, journal::make_journal_export_parser);
  registry.add(journal::kJournalVerboseInfo, journal::make_journal_verbose_parser);
  registry.add(journal::kSystemctlStatusInfo, journal::make_systemctl_status_parser);
}

}  // namespace logdx
