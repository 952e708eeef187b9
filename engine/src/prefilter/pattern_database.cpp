// PatternDatabase: relaxes every trigger pattern (trigger_patterns.hpp), tries each alone with
// Hyperscan (a pattern it refuses stays with RE2, with the reason `rules lint` shows) and compiles
// the accepted ones into one block-mode database. HS_FLAG_PREFILTER lets Hyperscan widen what it
// cannot represent exactly (large bounded repeats), which keeps the scan conservative.
#include <fmt/format.h>

#include <cstdlib>
#include <optional>
#include <stdexcept>

#include "analysis/fingerprint.hpp"
#include "prefilter/database_cache.hpp"
#include "prefilter/hs_database.hpp"
#include "prefilter/literal_core.hpp"
#include "prefilter/relax_pattern.hpp"
#include "prefilter/trigger_patterns.hpp"

namespace logdx {

PatternDatabase::Impl::~Impl() {
#ifdef LOGDX_HAVE_HYPERSCAN
  if (database != nullptr) hs_free_database(database);
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

}  // namespace

std::unique_ptr<PatternDatabase> PatternDatabase::build(const RuleSet& rules,
                                                        const std::string& cache_dir) {
  std::unique_ptr<PatternDatabase> db(new PatternDatabase(rules));
  std::vector<PatternRef> scanned;
  std::vector<prefilter::Relaxed> relaxed;
  for (std::size_t r = 0; r < rules.rules().size(); ++r) {
    const CompiledRule& rule = rules.rules()[r];
    for (std::size_t p : prefilter::trigger_patterns(rule)) {
      scanned.push_back({r, p});
      prefilter::Relaxed r = prefilter::relax_pattern(rule.patterns[p].expanded);
      if (r.pattern) r.pattern = prefilter::literal_core(*r.pattern);
      relaxed.push_back(std::move(r));
    }
  }
  const std::string key = cache_key(relaxed);
  const std::string path = cache_dir.empty() ? "" : cache_dir + "/prefilter-" + key + ".hsdb";
  std::optional<prefilter::CachedDatabase> entry;
  if (!path.empty()) entry = prefilter::load_cached(path, key, scanned.size());
  hs_database_t* loaded = nullptr;
  if (entry && !entry->serialized.empty() &&
      hs_deserialize_database(entry->serialized.data(), entry->serialized.size(), &loaded) !=
          HS_SUCCESS) {
    entry.reset();
  }
  db->from_cache_ = entry.has_value();
  if (!entry) {
    entry = compile(relaxed);
    if (!entry->serialized.empty() &&
        hs_deserialize_database(entry->serialized.data(), entry->serialized.size(), &loaded) !=
            HS_SUCCESS) {
      throw std::runtime_error("Hyperscan: cannot read back a database it serialized");
    }
    if (!path.empty()) prefilter::store_cached(path, key, *entry);
  }
  db->impl_->database = loaded;
  for (std::size_t i = 0; i < scanned.size(); ++i) {
    if (entry->refusals[i].empty()) {
      db->refs_.push_back(scanned[i]);
    } else {
      db->rejected_.push_back({scanned[i], entry->refusals[i]});
    }
  }
  if (loaded == nullptr && !db->refs_.empty()) {  // a cache entry without its database
    for (const PatternRef& ref : db->refs_) db->rejected_.push_back({ref, "no database"});
    db->refs_.clear();
  }
  return db;
}

#else

std::unique_ptr<PatternDatabase> PatternDatabase::build(const RuleSet&, const std::string&) {
  return nullptr;
}

#endif

}  // namespace logdx
