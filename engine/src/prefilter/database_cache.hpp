#pragma once
// The compiled prefilter database on disk, so a small input does not pay the compile each
// run: one file per pattern list under the cache folder, named by the hash of everything that
// decides its content (the relaxed patterns, Hyperscan's version and the CPU features it
// compiled for). An entry is read back only when its checksum, key and shape all agree and
// Hyperscan deserializes it; anything else is rebuilt and rewritten, never trusted.

#include <optional>
#include <string>
#include <vector>

namespace logdx::prefilter {

struct CachedDatabase {
  // Per scanned pattern, in order: empty when accepted, else why Hyperscan refused it.
  std::vector<std::string> refusals;
  std::string serialized;  // hs_serialize_database's bytes; empty when nothing was accepted
};

std::optional<CachedDatabase> load_cached(const std::string& path, const std::string& key,
                                          std::size_t patterns);
// Best effort (a read-only cache folder only costs the compile): temp file, then rename.
void store_cached(const std::string& path, const std::string& key, const CachedDatabase& entry);

}  // namespace logdx::prefilter
