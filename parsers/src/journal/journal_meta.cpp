#include "journal/journal_meta.hpp"

#include <array>

#include "core/ascii.hpp"

namespace logdx::journal {
namespace {

constexpr std::string_view kCatalogMark = "\xE2\x96\x91\xE2\x96\x91";  // "░░"

constexpr std::array<std::string_view, 7> kHeaders = {
    "-- Journal begins at ", "-- Logs begin at ",   "-- No entries --", "-- Boot ",
    "-- Reboot --",          "-- Journal ends at ", "-- Logs end at "};

}  // namespace

MetaLine classify_meta_line(std::string_view line, bool after_entry) {
  if (line.starts_with(kCatalogMark)) return MetaLine::catalog;
  if (line.starts_with("-- ") || line == "--") {
    for (auto header : kHeaders) {
      if (line.starts_with(header)) return MetaLine::header;
    }
    if (after_entry) return MetaLine::catalog;
    return MetaLine::none;
  }
  // journalctl run by a user outside the adm / systemd-journal groups.
  if (line.starts_with("Hint: You are currently not seeing messages")) return MetaLine::header;
  const std::string_view trimmed = trim_blanks_left(line);
  if (trimmed.size() < line.size() && (trimmed.starts_with("Users in groups '") ||
                                       trimmed.starts_with("Pass -q to turn off this notice"))) {
    return MetaLine::header;
  }
  return MetaLine::none;
}

bool may_be_meta_line(std::string_view line) {
  if (line.empty()) return false;
  const char first = line.front();
  if (first == ' ' || first == '\t') {  // the notice's indented lines
    const std::string_view trimmed = trim_blanks_left(line);
    return trimmed.starts_with("Users in groups '") ||
           trimmed.starts_with("Pass -q to turn off this notice");
  }
  return first == kCatalogMark.front() || first == '-' || first == 'H';
}

LineVerdict apply_meta_line(MetaLine kind, std::string_view line, Event* open) {
  if (kind != MetaLine::catalog || open == nullptr) return LineVerdict::skip;
  // "░░ " or "-- " then the text; a bare "░░" / "--" is a blank catalog line.
  std::string_view text = line.starts_with("-") ? line.substr(2) : line.substr(kCatalogMark.size());
  if (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  std::string joined(open->field("catalog").value_or(""));
  if (!joined.empty() || !text.empty()) {
    if (!joined.empty()) joined.push_back('\n');
    joined.append(text);
    open->set_field("catalog", joined);
  }
  return LineVerdict::continuation;
}

}  // namespace logdx::journal
