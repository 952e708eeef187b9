#pragma once
// journalctl -o json / json-pretty: the journal's fields as JSON.

#include <memory>

#include "logdx/parsers/envelope_parser.hpp"

namespace logdx::journal {

inline constexpr ParserInfo kJournalJsonInfo{
    "journal-json", "journalctl -o json / json-seq: one JSON entry per line with __CURSOR, MESSAGE",
    SourceKind::systemd, 55, false};
inline constexpr ParserInfo kJournalJsonPrettyInfo{
    "journal-json-pretty", "journalctl -o json-pretty: tab-indented multi-line JSON entries",
    SourceKind::systemd, 55, false};

std::unique_ptr<EnvelopeParser> make_journal_json_parser(const ParserOptions& options);
std::unique_ptr<EnvelopeParser> make_journal_json_pretty_parser(const ParserOptions& options);

}  // namespace logdx::journal
