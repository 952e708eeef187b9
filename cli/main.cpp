#include <fmt/format.h>

#include "logdx/parsers/parser_registry.hpp"

int main() {
  auto registry = logdx::ParserRegistry::builtin();
  for (auto name : registry.names()) fmt::print("{}\n", name);
  return 0;
}
