// Registers the journal envelope parsers. (Filled in by the journal family's parsers.)
#include "logdx/parsers/parser_registry.hpp"

namespace logdx {

void register_journal_parsers(ParserRegistry& /*registry*/) {}

}  // namespace logdx
