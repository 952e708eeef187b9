#include "logdx/parsers/source_classifier.hpp"

#include <array>

namespace logdx {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}
bool contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

}  // namespace

bool is_gateway_name(std::string_view name) {
  // The kernel cuts comm to 15 characters: "openclaw-gateway" shows as "openclaw-gatewa".
  static constexpr std::array<std::string_view, 4> kPrefixes = {"openclaw", "clawdbot", "moltbot",
                                                                "clawd"};
  for (auto prefix : kPrefixes) {
    if (starts_with(name, prefix)) return true;
  }
  return false;
}

SourceKind classify_source(std::string_view process, std::string_view unit, SourceKind fallback) {
  if (process == "kernel") return SourceKind::kernel;
  if (is_gateway_name(process)) return SourceKind::gateway;
  if (process == "systemd" || starts_with(process, "systemd-") || process == "init" ||
      process == "launchd") {
    return SourceKind::systemd;
  }
  if (process == "PM2" || process == "pm2" || starts_with(process, "PM2 v")) return SourceKind::pm2;
  if (process == "dockerd" || process == "containerd" || starts_with(process, "containerd-shim")) {
    return SourceKind::docker;
  }
  if (process == "nginx" || process == "caddy" || process == "traefik" || process == "haproxy" ||
      process == "apache2" || process == "httpd") {
    return SourceKind::proxy;
  }
  // `node` (or anything else) running under a gateway unit / app / container is the gateway.
  if (!unit.empty() &&
      (is_gateway_name(unit) || contains(unit, "openclaw") || contains(unit, "clawdbot"))) {
    return SourceKind::gateway;
  }
  if (!unit.empty() &&
      (contains(unit, "caddy") || contains(unit, "nginx") || contains(unit, "traefik"))) {
    return SourceKind::proxy;
  }
  if (!process.empty() && fallback == SourceKind::other) return SourceKind::app;
  return fallback;
}

}  // namespace logdx
