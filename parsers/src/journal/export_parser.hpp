#pragma once
// journalctl -o export and -o verbose: the journal's fields one per line.

#include <memory>

#include "logdx/parsers/envelope_parser.hpp"

namespace logdx::journal {

inline constexpr ParserInfo kJournalExportInfo{
    "journal-export", "journalctl -o export: KEY=value lines, blank line between entries",
    SourceKind::systemd, 55, false};
inline constexpr ParserInfo kJournalVerboseInfo{
    "journal-verbose",
    "journalctl -o verbose: 'Tue 2026-02-10 15:20:41.553104 UTC [s=...]' then indented KEY=value",
    SourceKind::systemd, 60, false};

std::unique_ptr<EnvelopeParser> make_journal_export_parser(const ParserOptions& options);
std::unique_ptr<EnvelopeParser> make_journal_verbose_parser(const ParserOptions& options);

}  // namespace logdx::journal
