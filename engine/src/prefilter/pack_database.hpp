#pragma once
// The built-in pack's prefilter database as the build compiled it (compile_pack_database):
// per trigger pattern of the pack, in order, the key it was compiled from ("+" relaxed pattern,
// or "-" why it stays with RE2) and whether Hyperscan took it, then the serialized database.
// At run time every trigger pattern whose key is in the pack is served by this database, so
// only patterns of a user's rules are compiled (and cached) on this machine.
//
// Layout: "logdx-prefilter-pack 2\n" hs_version "\n" count "\n", per pattern
// "<key length>\n<key>", "<source length>\n<source>", then the refusal line ("+" or "-" reason),
// then
// "<size>\n<serialized bytes>". The pack is produced by the same build that reads it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "prefilter/database_cache.hpp"

namespace logdx::prefilter {

struct PackDatabase {
  std::vector<std::string> keys;     // one per trigger pattern of the pack
  std::vector<std::string> sources;  // its expanded pattern, which the key is made from
  CachedDatabase database;           // refusals per pattern, and the serialized database
};

// The same read back, as views into the bytes (the binary's own data): the serialized database
// is about 1 MB, and a copy of it was a tenth of a one-line run's page faults.
struct PackView {
  std::vector<std::string_view> keys;
  std::vector<std::string_view> sources;
  std::vector<std::string_view> refusals;  // empty: accepted
  std::string_view serialized;
};

std::string encode_pack(const PackDatabase& pack, std::string_view hs_version);
// nullopt when the bytes are damaged or were made by another Hyperscan version. The views
// point into `bytes`.
std::optional<PackView> decode_pack(std::string_view bytes, std::string_view hs_version);

}  // namespace logdx::prefilter
