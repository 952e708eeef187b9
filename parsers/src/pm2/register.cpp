// Registers the pm2 envelope parsers: the `pm2 logs` stream in its shapes (plain, --timestamp,
// --json, --format), the daemon's ~/.pm2/pm2.log, the per-app files written with --time /
// --log-date-format / --log-type json, and the `pm2 ls` table.
#include "pm2/pm2_parsers.hpp"

namespace logdx {

void register_pm2_parsers(ParserRegistry& registry) {
  pm2::register_logs_parser(registry);
  pm2::register_json_parser(registry);
  pm2::register_format_parser(registry);
  pm2::register_daemon_parser(registry);
  pm2::register_app_time_parser(registry);
  pm2::register_app_json_parser(registry);
  pm2::register_ls_parser(registry);
}

}  // namespace logdx
