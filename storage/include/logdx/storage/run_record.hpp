#pragma once
// What the history keeps about one `logdx analyze` run besides its diagnoses.

#include <cstdint>
#include <string>
#include <vector>

namespace logdx::storage {

struct RunInput {
  std::string path;
  std::uint64_t size = 0;    // bytes read (after decompression)
  std::string content_hash;  // "xxh3:..." of those bytes
  std::string parser;
  std::uint64_t lines = 0;
  std::uint64_t events = 0;
};

struct RunRecord {
  std::string started_at;    // RFC 3339 UTC
  std::string command_line;  // as typed, shell-quoted (redacted before it is stored)
  std::string host;
  std::string logdx_version;
  std::string rules_version;  // digest of the loaded rule set
  std::int64_t duration_ms = 0;
  int exit_code = 0;
  std::uint64_t events = 0;
  std::uint64_t matched = 0;
  std::vector<RunInput> inputs;
};

// Names the set of inputs a run read: their content hashes, distinct and sorted, joined by
// spaces ('' when it read none). Two runs with the same non-empty set read the same logs,
// whatever the files were called or the order they were given in (schema version 2,
// `runs.input_set`; the migration computes it the same way for older runs).
std::string input_set(const std::vector<RunInput>& inputs);

}  // namespace logdx::storage
