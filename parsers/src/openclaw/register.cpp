// Registers the openclaw envelope parsers. (Filled in by the openclaw family's parsers.)
#include "logdx/parsers/parser_registry.hpp"

namespace logdx {

void register_openclaw_parsers(ParserRegistry& /*registry*/) {}

}  // namespace logdx
