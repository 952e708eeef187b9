#pragma once
// `logdx history prune --older-than 90d`: deletes runs started before a time, then whatever
// only they referenced (occurrences, evidence, incidents no run saw any more), and brings the
// remaining incidents' run counts and first/last times back in line. One transaction.

#include <cstdint>
#include <string>

#include "logdx/storage/database.hpp"

namespace logdx::storage {

struct PruneResult {
  std::uint64_t runs = 0;
  std::uint64_t incidents = 0;
  std::uint64_t evidence = 0;
};

// `before`: RFC 3339 UTC. With `dry_run`, counts what would go and changes nothing.
PruneResult prune_history(Database& db, const std::string& before, bool dry_run);

}  // namespace logdx::storage
