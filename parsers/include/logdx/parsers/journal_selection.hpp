#pragma once
// What `--journal` reads through libsystemd's sd-journal, without piping journalctl: the local
// journal, a journal folder (--journal-dir) or journal files (--journal-file), optionally only
// some units (-u). Entries come out in journalctl's export format, so the journal-export parser,
// the peeler and the joiner treat them exactly like `journalctl -o export` output.

#include <string>
#include <vector>

namespace logdx {

struct JournalSelection {
  std::string directory;           // empty: the local journal (system and user)
  std::vector<std::string> files;  // when not empty: these files only
  // Units as `journalctl -u` takes them ("openclaw-gateway" means openclaw-gateway.service).
  // With units, kernel messages are read too: the kernel reports OOM kills and segfaults of a
  // unit's processes, and the unit's own log never says it was killed.
  std::vector<std::string> units;

  bool empty_filter() const { return units.empty(); }
};

// "openclaw-gateway" -> "openclaw-gateway.service"; names with a unit suffix are kept.
std::string normalise_unit_name(const std::string& unit);

}  // namespace logdx
