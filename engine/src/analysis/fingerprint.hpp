#pragma once
// The identity of a diagnosis across runs (the history database keys incidents on it): a hex
// FNV-1a 64 digest of the rule id and its key captures, normalised. FNV-1a because it is tiny,
// has no dependency and is the same on every platform and run (std::hash is neither).

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace logdx::analysis {

// FNV-1a 64 over the bytes, continuing from `hash` (start with kFnvOffset).
inline constexpr std::uint64_t kFnvOffset = 14695981039346656037ULL;
std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t hash = kFnvOffset);

// Trims ASCII white space and lower-cases ASCII letters: `Openclaw-Gateway.service ` and
// `openclaw-gateway.service` are one incident.
std::string normalise_key_value(std::string_view value);

// The IPv6 loopback written as the IPv4 one ("[::1]:18789" -> "127.0.0.1:18789"): a client
// that dials localhost tries both for one request, which is one finding.
std::string loopback_as_one(std::string value);

// 16 lower-case hex digits of FNV-1a 64 over: rule id, NUL, then per key name in the rule's
// order "name=" loopback_as_one(normalised value) and NUL (an absent capture counts as empty).
// Then, when `host` is not empty (a run over many hosts), "host=" host and NUL: one rule's
// finding on two hosts is two incidents; a single-host run keeps the fingerprints it had.
std::string fingerprint(std::string_view rule_id,
                        const std::vector<std::pair<std::string, std::string>>& key_values,
                        std::string_view host = {});

}  // namespace logdx::analysis
