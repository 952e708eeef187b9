// Registers the pm2 envelope parsers. (Filled in by the pm2 family's parsers.)
#include "logdx/parsers/parser_registry.hpp"

namespace logdx {

void register_pm2_parsers(ParserRegistry& /*registry*/) {}

}  // namespace logdx
