// Registers the proxy envelope parsers. (Filled in by the proxy family's parsers.)
#include "logdx/parsers/parser_registry.hpp"

namespace logdx {

void register_proxy_parsers(ParserRegistry& /*registry*/) {}

}  // namespace logdx
