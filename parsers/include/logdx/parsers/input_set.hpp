#pragma once
// Turns what the user typed (paths, folders, globs, "-") into the ordered list of inputs to
// read: folders recursively, globs expanded, rotated sets (x.log.2.gz, x.log.1, x.log) oldest
// first, binaries skipped with a note. Problems are notes, not exceptions: one unreadable
// file must not stop the others.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "logdx/parsers/journal_selection.hpp"

namespace logdx {

struct ResolvedInput {
  std::string path;          // filesystem path; "-" for stdin
  std::string display_name;  // what messages and evidence call it (the path as given / found)
  bool is_stdin = false;
  std::int64_t mtime = 0;  // seconds since the epoch; 0 when unknown (stdin)
  // Set for the systemd journal read through sd-journal (--journal); `path` is then unused.
  std::shared_ptr<const JournalSelection> journal;
  std::string parser;  // a parser this input must be read with, whatever --parser says
  // The host its folder names in a tree of host folders (a folder given on the command line
  // that holds only folders, as a central rsyslog writes /var/log/remote/<host>/): the host of
  // every event of this input whose line names none. Empty elsewhere.
  std::string folder_host;
};

struct InputNote {
  enum class Severity { note, error };
  Severity severity = Severity::note;
  std::string path;
  std::string message;  // e.g. "skipped: binary file", "No such file or directory"
};

struct ResolvedInputs {
  std::vector<ResolvedInput> inputs;
  std::vector<InputNote> notes;
};

// No arguments means stdin. Errors (nonexistent path, unreadable folder, glob with no match)
// become notes with Severity::error; skipped binaries and the like become Severity::note.
ResolvedInputs resolve_inputs(const std::vector<std::string>& args);

}  // namespace logdx
