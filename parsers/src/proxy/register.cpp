// Registers the proxy envelope parsers: nginx error/access logs and Caddy (v2 JSON, v2 console,
// v1 process/error log).
#include "proxy/proxy_parsers.hpp"

namespace logdx {

void register_proxy_parsers(ParserRegistry& registry) {
  proxy::add_nginx_error_parser(registry);
  proxy::add_nginx_access_parser(registry);
  proxy::add_caddy_json_parser(registry);
  proxy::add_caddy_console_parser(registry);
  proxy::add_caddy_v1_parser(registry);
}

}  // namespace logdx
