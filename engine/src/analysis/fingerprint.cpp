#include "analysis/fingerprint.hpp"

#include <fmt/format.h>

namespace logdx::analysis {
namespace {

constexpr std::uint64_t kFnvPrime = 1099511628211ULL;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace

// A client that dials `localhost` tries each address it resolves to (nginx's upstream, node's
// autoSelectFamily): one request refused on [::1] and on 127.0.0.1 is one fault, so the IPv6
// loopback is the IPv4 one in a key ("[::1]:18789", "http://[::1]:18789/", "::1").
std::string loopback_as_one(std::string value) {
  if (value == "::1") return "127.0.0.1";
  constexpr std::string_view kBracketed = "[::1]";
  for (std::size_t at = value.find(kBracketed); at != std::string::npos;
       at = value.find(kBracketed, at)) {
    value.replace(at, kBracketed.size(), "127.0.0.1");
  }
  return value;
}

std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t hash) {
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kFnvPrime;
  }
  return hash;
}

std::string normalise_key_value(std::string_view value) {
  while (!value.empty() && is_space(value.front())) value.remove_prefix(1);
  while (!value.empty() && is_space(value.back())) value.remove_suffix(1);
  std::string out(value);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string fingerprint(std::string_view rule_id,
                        const std::vector<std::pair<std::string, std::string>>& key_values,
                        std::string_view host) {
  constexpr std::string_view kNul("\0", 1);
  std::uint64_t hash = fnv1a64(rule_id);
  hash = fnv1a64(kNul, hash);
  for (const auto& [name, value] : key_values) {
    hash = fnv1a64(name, hash);
    hash = fnv1a64("=", hash);
    hash = fnv1a64(loopback_as_one(normalise_key_value(value)), hash);
    hash = fnv1a64(kNul, hash);
  }
  if (!host.empty()) {
    hash = fnv1a64("host=", hash);
    hash = fnv1a64(host, hash);
    hash = fnv1a64(kNul, hash);
  }
  return fmt::format("{:016x}", hash);
}

}  // namespace logdx::analysis
