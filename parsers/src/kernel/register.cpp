// Registers the kernel envelope parsers. (Filled in by the kernel family's parsers.)
#include "logdx/parsers/parser_registry.hpp"

namespace logdx {

void register_kernel_parsers(ParserRegistry& /*registry*/) {}

}  // namespace logdx
