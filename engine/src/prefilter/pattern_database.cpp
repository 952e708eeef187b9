// PatternDatabase: relaxes every trigger pattern (trigger_patterns.hpp), tries each alone with
// Hyperscan (a pattern it refuses stays with RE2, with the reason `rules lint` shows) and compiles
// the accepted ones into one block-mode database. HS_FLAG_PREFILTER lets Hyperscan widen what it
// cannot represent exactly (large bounded repeats), which keeps the scan conservative.
#include <fmt/format.h>

#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <unordered_map>

#include "analysis/fingerprint.hpp"
#include "prefilter/database_cache.hpp"
#include "prefilter/hs_database.hpp"
#include "prefilter/literal_core.hpp"
#include "prefilter/pack_database.hpp"
#include "prefilter/relax_pattern.hpp"
#include "prefilter/trigger_patterns.hpp"

namespace logdx {

PatternDatabase::Impl::~Impl() {
#ifdef LOGDX_HAVE_HYPERSCAN
  if (own != nullptr) hs_free_database(own);  // pack_block frees the pack's
#endif
}

bool prefilter_available() {
#ifdef LOGDX_HAVE_HYPERSCAN
  return true;
#else
  return false;
#endif
}

PatternDatabase::PatternDatabase(const RuleSet& rules)
    : rules_(rules), impl_(std::make_unique<Impl>()) {}

PatternDatabase::~PatternDatabase() = default;

#ifdef LOGDX_HAVE_HYPERSCAN
namespace {

constexpr unsigned kFlags = HS_FLAG_PREFILTER;

// Null when Hyperscan takes the pattern, else its reason.
std::string try_alone(const std::string& pattern) {
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile(pattern.c_str(), kFlags, HS_MODE_BLOCK, nullptr, &db, &error) == HS_SUCCESS) {
    hs_free_database(db);
    return {};
  }
  std::string reason = error != nullptr && error->message != nullptr ? error->message : "refused";
  hs_free_compile_error(error);
  return reason;
}

// What decides the database's bytes: the relaxed patterns (or why each stays with RE2), the
// Hyperscan version and the CPU it compiles for.
std::string cache_key(const std::vector<prefilter::Relaxed>& relaxed) {
  std::string text = std::string(hs_version()) + '\0';
  hs_platform_info_t platform{};
  if (hs_populate_platform(&platform) == HS_SUCCESS) {
    text += fmt::format("{}/{}\n", platform.tune, platform.cpu_features);
  }
  for (const prefilter::Relaxed& r : relaxed) {
    text += r.pattern ? "+" + *r.pattern : "-" + r.reason;
    text.push_back('\0');
  }
  return fmt::format("{:016x}", analysis::fnv1a64(text));
}

// Per pattern: "" when Hyperscan takes it (alone), else why not; and the whole database.
prefilter::CachedDatabase compile(const std::vector<prefilter::Relaxed>& relaxed) {
  prefilter::CachedDatabase out;
  std::vector<const char*> texts;
  for (const prefilter::Relaxed& r : relaxed) {
    out.refusals.push_back(r.pattern ? try_alone(*r.pattern) : r.reason);
    if (out.refusals.back().empty()) {
      texts.push_back(r.pattern->c_str());
    } else if (r.pattern) {
      out.refusals.back() = "Hyperscan: " + out.refusals.back();
    }
  }
  if (texts.empty()) return out;
  std::vector<unsigned> flags(texts.size(), kFlags);
  std::vector<unsigned> ids(texts.size());
  for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = static_cast<unsigned>(i);
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(texts.data(), flags.data(), ids.data(), static_cast<unsigned>(texts.size()),
                       HS_MODE_BLOCK, nullptr, &db, &error) != HS_SUCCESS) {
    const std::string reason =
        error != nullptr && error->message != nullptr ? error->message : std::string("refused");
    hs_free_compile_error(error);
    // Each pattern compiled alone, so this is a resource limit: everything stays with RE2.
    for (std::string& refusal : out.refusals) {
      if (refusal.empty()) refusal = "Hyperscan (whole database): " + reason;
    }
    return out;
  }
  char* bytes = nullptr;
  std::size_t length = 0;
  if (hs_serialize_database(db, &bytes, &length) == HS_SUCCESS) {
    out.serialized.assign(bytes, length);
    std::free(bytes);
  }
  hs_free_database(db);
  return out;
}

// Every trigger pattern of every rule, with the key it is compiled from. Relaxing is done
// on demand (relax()): a pattern the pack's database already holds (same expanded text) takes
// the pack's key, which skipped a tenth of a one-line run's work at every start.
struct Triggers {
  std::vector<PatternRef> refs;
  std::vector<std::string_view> sources;  // the expanded pattern (owned by the RuleSet)
  std::vector<prefilter::Relaxed> relaxed;
  std::vector<std::string> keys;  // "+" relaxed pattern, or "-" why it stays with RE2
  std::vector<bool> relaxed_done;

  // Fills relaxed[j] and keys[j] from the pattern itself.
  void relax(std::size_t j) {
    if (relaxed_done[j]) return;
    prefilter::Relaxed r = prefilter::relax_pattern(std::string(sources[j]));
    if (r.pattern) r.pattern = prefilter::literal_core(*r.pattern);
    keys[j] = r.pattern ? "+" + *r.pattern : "-" + r.reason;
    relaxed[j] = std::move(r);
    relaxed_done[j] = true;
  }
  void relax_all() {
    for (std::size_t j = 0; j < refs.size(); ++j) relax(j);
  }
};

Triggers triggers_of(const RuleSet& rules) {
  Triggers out;
  for (std::size_t r = 0; r < rules.rules().size(); ++r) {
    const CompiledRule& rule = rules.rules()[r];
    for (std::size_t p : prefilter::trigger_patterns(rule)) {
      out.refs.push_back({r, p});
      out.sources.emplace_back(rule.patterns[p].expanded);
    }
  }
  out.relaxed.resize(out.refs.size());
  out.keys.resize(out.refs.size());
  out.relaxed_done.assign(out.refs.size(), false);
  return out;
}

// The Features word Hyperscan prints for a database compiled on this CPU
// (hs_serialized_database_info: "Version: 5.4.0 Features: AVX2 Mode: BLOCK").
std::string host_features() {
  hs_platform_info_t platform{};
  if (hs_populate_platform(&platform) != HS_SUCCESS) return "?";
  if ((platform.cpu_features & HS_CPU_FEATURES_AVX512VBMI) != 0) return "AVX512VBMI";
  if ((platform.cpu_features & HS_CPU_FEATURES_AVX512) != 0) return "AVX512";
  if ((platform.cpu_features & HS_CPU_FEATURES_AVX2) != 0) return "AVX2";
  return "";
}

// The pack's database when it was compiled for exactly this CPU's features (a database for
// fewer features would run, slower; one for more would not run at all): else null, and the
// pack's patterns are compiled into the cache like a user's.
hs_database_t* fitting_database(std::string_view serialized, prefilter::DatabaseBlock& block) {
  if (serialized.empty()) return nullptr;
  char* info = nullptr;
  if (hs_serialized_database_info(serialized.data(), serialized.size(), &info) != HS_SUCCESS) {
    return nullptr;
  }
  const std::string text(info);
  std::free(info);
  if (text.find(" Features: " + host_features() + " Mode:") == std::string::npos) return nullptr;
  return prefilter::DatabaseBlock::deserialize(serialized, block);
}

// Compiles (or reads from the cache) the database of `relaxed`.
prefilter::CachedDatabase own_database(const std::vector<prefilter::Relaxed>& relaxed,
                                       const std::string& cache_dir, hs_database_t*& loaded,
                                       bool& from_cache) {
  const std::string key = cache_key(relaxed);
  const std::string path = cache_dir.empty() ? "" : cache_dir + "/prefilter-" + key + ".hsdb";
  std::optional<prefilter::CachedDatabase> entry;
  if (!path.empty()) entry = prefilter::load_cached(path, key, relaxed.size());
  if (entry && !entry->serialized.empty() &&
      hs_deserialize_database(entry->serialized.data(), entry->serialized.size(), &loaded) !=
          HS_SUCCESS) {
    entry.reset();
  }
  from_cache = entry.has_value();
  if (entry) return std::move(*entry);
  prefilter::CachedDatabase compiled = compile(relaxed);
  if (!compiled.serialized.empty() &&
      hs_deserialize_database(compiled.serialized.data(), compiled.serialized.size(), &loaded) !=
          HS_SUCCESS) {
    throw std::runtime_error("Hyperscan: cannot read back a database it serialized");
  }
  if (!path.empty()) prefilter::store_cached(path, key, compiled);
  return compiled;
}

// What the pack's database serves: every trigger whose key the pack compiled (each pack
// pattern serves at most one trigger, in order); `rest` are the indexes of the others.
struct PackUse {
  hs_database_t* database = nullptr;  // in block
  prefilter::DatabaseBlock block;
  std::uint32_t ids = 0;  // ids the pack's database reports: 0 .. ids - 1
  std::vector<std::pair<std::size_t, std::uint32_t>> accepted;  // trigger -> id
  std::vector<std::pair<std::size_t, std::string>> refused;     // trigger -> why
  std::vector<std::size_t> rest;
};

PackUse use_pack(Triggers& triggers, std::string_view bytes) {
  PackUse use;
  auto pack = prefilter::decode_pack(bytes, hs_version());
  use.database = pack ? fitting_database(pack->serialized, use.block) : nullptr;
  if (use.database == nullptr) {
    for (std::size_t j = 0; j < triggers.refs.size(); ++j) use.rest.push_back(j);
    return use;
  }
  std::unordered_multimap<std::string_view, std::size_t> by_source;
  std::vector<std::uint32_t> ids(pack->keys.size(), 0);
  for (std::size_t i = 0; i < pack->keys.size(); ++i) {
    by_source.emplace(pack->sources[i], i);
    if (pack->refusals[i].empty()) ids[i] = use.ids++;
  }
  // First by expanded text (no relaxing: the key is the pack's), then the others by key: a
  // user's pattern that relaxes to a key the pack compiled is served by the pack too.
  std::vector<bool> taken(pack->keys.size(), false);
  std::vector<std::optional<std::size_t>> served(triggers.refs.size());
  for (std::size_t j = 0; j < triggers.refs.size(); ++j) {
    const auto found = by_source.find(triggers.sources[j]);
    if (found == by_source.end()) continue;
    served[j] = found->second;
    taken[found->second] = true;
    by_source.erase(found);
  }
  std::unordered_multimap<std::string_view, std::size_t> by_key;
  for (std::size_t i = 0; i < pack->keys.size(); ++i) {
    if (!taken[i]) by_key.emplace(pack->keys[i], i);
  }
  for (std::size_t j = 0; j < triggers.refs.size(); ++j) {
    if (served[j]) continue;
    triggers.relax(j);
    const auto found = by_key.find(triggers.keys[j]);
    if (found == by_key.end()) continue;
    served[j] = found->second;
    by_key.erase(found);
  }
  for (std::size_t j = 0; j < triggers.refs.size(); ++j) {
    if (!served[j]) {
      use.rest.push_back(j);
      continue;
    }
    const std::size_t i = *served[j];
    if (pack->refusals[i].empty()) {
      use.accepted.emplace_back(j, ids[i]);
    } else {
      use.refused.emplace_back(j, std::string(pack->refusals[i]));
    }
  }
  return use;
}

}  // namespace

void PatternDatabase::accept(const PatternRef& ref, std::uint32_t id) {
  if (id_rules_.size() <= id) id_rules_.resize(id + 1, kNoRule);
  id_rules_[id] = ref.rule;
  refs_.push_back(ref);
}

std::unique_ptr<PatternDatabase> PatternDatabase::build(const RuleSet& rules,
                                                        const std::string& cache_dir,
                                                        std::string_view pack) {
  std::unique_ptr<PatternDatabase> db(new PatternDatabase(rules));
  Triggers triggers = triggers_of(rules);
  PackUse used = use_pack(triggers, pack);
  db->impl_->pack = used.database;
  db->impl_->pack_block = std::move(used.block);
  db->impl_->own_offset = used.ids;
  db->id_rules_.assign(used.ids, kNoRule);
  for (const auto& [j, id] : used.accepted) db->accept(triggers.refs[j], id);
  for (const auto& [j, why] : used.refused) db->rejected_.push_back({triggers.refs[j], why});
  const std::vector<std::size_t>& rest = used.rest;
  db->from_cache_ = true;
  if (rest.empty()) return db;
  std::vector<prefilter::Relaxed> relaxed;
  for (std::size_t j : rest) {
    triggers.relax(j);
    relaxed.push_back(triggers.relaxed[j]);
  }
  hs_database_t* loaded = nullptr;
  const prefilter::CachedDatabase entry = own_database(relaxed, cache_dir, loaded, db->from_cache_);
  db->impl_->own = loaded;
  std::uint32_t next_id = db->impl_->own_offset;
  for (std::size_t k = 0; k < rest.size(); ++k) {
    const PatternRef& ref = triggers.refs[rest[k]];
    if (!entry.refusals[k].empty()) {
      db->rejected_.push_back({ref, entry.refusals[k]});
    } else if (loaded == nullptr) {  // a cache entry without its database
      db->rejected_.push_back({ref, "no database"});
    } else {
      db->accept(ref, next_id++);
    }
  }
  return db;
}

std::string compile_pack_database(const RuleSet& rules) {
  Triggers triggers = triggers_of(rules);
  triggers.relax_all();
  prefilter::PackDatabase pack{triggers.keys, {}, compile(triggers.relaxed)};
  pack.sources.assign(triggers.sources.begin(), triggers.sources.end());
  return prefilter::encode_pack(pack, hs_version());
}

#else

std::unique_ptr<PatternDatabase> PatternDatabase::build(const RuleSet&, const std::string&,
                                                        std::string_view) {
  return nullptr;
}

std::string compile_pack_database(const RuleSet&) { return {}; }

#endif

}  // namespace logdx
