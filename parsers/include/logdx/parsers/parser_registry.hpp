#pragma once
// The set of envelope parsers logdx knows, by name. Not a global: the CLI builds one with
// ParserRegistry::builtin() and passes it down.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "logdx/parsers/envelope_parser.hpp"

namespace logdx {

class ParserRegistry {
 public:
  struct Entry {
    ParserInfo info;
    ParserFactory factory;
  };

  // Every built-in parser, most specific first.
  static ParserRegistry builtin();

  void add(const ParserInfo& info, ParserFactory factory);
  // Most specific first, stable (registration order breaks ties); builtin() and
  // add_line_formats() call it after adding.
  void sort_by_specificity();
  const std::vector<Entry>& entries() const { return entries_; }
  const Entry* find(std::string_view name) const;
  std::unique_ptr<EnvelopeParser> create(std::string_view name, const ParserOptions& options) const;
  std::vector<std::string_view> names() const;

 private:
  std::vector<Entry> entries_;
};

// Each family of formats registers its parsers through one of these (parsers/src/<family>/).
void register_shipper_parsers(ParserRegistry& registry);
void register_plain_parsers(ParserRegistry& registry);
void register_openclaw_parsers(ParserRegistry& registry);
void register_pm2_parsers(ParserRegistry& registry);
void register_journal_parsers(ParserRegistry& registry);  // journalctl, syslog, systemctl status
void register_kernel_parsers(ParserRegistry& registry);   // dmesg variants
void register_docker_parsers(ParserRegistry& registry);
void register_proxy_parsers(ParserRegistry& registry);  // nginx, Caddy

}  // namespace logdx
