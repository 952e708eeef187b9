#include "logdx/parsers/event.hpp"

#include <array>
#include <cctype>

#include "core/ascii.hpp"

namespace logdx {
namespace {

constexpr std::array<std::string_view, 8> kSourceNames = {
    "gateway", "pm2", "systemd", "kernel", "docker", "proxy", "app", "other"};

constexpr std::array<std::string_view, 10> kLevelNames = {
    "unknown", "trace", "debug", "info", "notice", "warning", "error", "critical", "alert",
    "emergency"};

}  // namespace

std::string_view to_string(SourceKind kind) { return kSourceNames[static_cast<std::size_t>(kind)]; }

std::optional<SourceKind> source_kind_from_string(std::string_view text) {
  for (std::size_t i = 0; i < kSourceNames.size(); ++i) {
    if (kSourceNames[i] == text) return static_cast<SourceKind>(i);
  }
  return std::nullopt;
}

std::string_view to_string(Level level) { return kLevelNames[static_cast<std::size_t>(level)]; }

Level level_from_string(std::string_view text) {
  struct Word {
    std::string_view word;
    Level level;
  };
  static constexpr Word kWords[] = {
      {"trace", Level::trace},     {"debug", Level::debug},       {"dbg", Level::debug},
      {"d", Level::debug},         {"info", Level::info},         {"inf", Level::info},
      {"i", Level::info},          {"information", Level::info},  {"notice", Level::notice},
      {"warn", Level::warning},    {"warning", Level::warning},   {"w", Level::warning},
      {"wrn", Level::warning},     {"err", Level::error},         {"error", Level::error},
      {"e", Level::error},         {"erro", Level::error},        {"fatal", Level::critical},
      {"crit", Level::critical},   {"critical", Level::critical}, {"panic", Level::emergency},
      {"alert", Level::alert},     {"emerg", Level::emergency},   {"emergency", Level::emergency},
      {"dpanic", Level::critical}, {"out", Level::info},          {"stdout", Level::info},
      // log15 (Grafana 8 and older, go-ethereum's old logger): lvl=dbug / lvl=eror
      {"dbug", Level::debug},      {"eror", Level::error},
      // zerolog's console abbreviations (console.go): TRC, FTL, PNC beside DBG INF WRN ERR
      {"trc", Level::trace},       {"ftl", Level::critical},      {"pnc", Level::emergency},
  };
  for (const auto& w : kWords) {
    if (iequals_ascii(w.word, text)) return w.level;
  }
  return Level::unknown;
}

Level level_from_syslog_priority(int priority) {
  switch (priority) {
    case 0: return Level::emergency;
    case 1: return Level::alert;
    case 2: return Level::critical;
    case 3: return Level::error;
    case 4: return Level::warning;
    case 5: return Level::notice;
    case 6: return Level::info;
    case 7: return Level::debug;
    default: return Level::unknown;
  }
}

void Event::clear() {
  time = Timestamp{};
  time_text.clear();
  source = SourceKind::other;
  host.clear();
  unit.clear();
  app.clear();
  process.clear();
  pid.reset();
  level = Level::unknown;
  subsystem.clear();
  message.clear();
  parser.clear();
  envelopes.clear();
  fields.clear();
  where = SourceLocation{};
  raw.clear();
}

void Event::set_field(std::string_view key, std::string_view value) {
  for (auto& [k, v] : fields) {
    if (k == key) {
      v.assign(value);
      return;
    }
  }
  fields.emplace_back(std::string(key), std::string(value));
}

std::optional<std::string_view> Event::field(std::string_view key) const {
  for (const auto& [k, v] : fields) {
    if (k == key) return std::string_view(v);
  }
  return std::nullopt;
}

}  // namespace logdx
