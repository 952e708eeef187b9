#pragma once
// A RuleFile (the reader's output) as bytes and back, so the built-in pack is read from YAML
// once, at build time (tools/pack_generator.cpp), and the binary loads the plain structs
// directly: no YAML parser at start-up. Everything the later stages use is kept, positions
// included, so diagnostics, `rules show` and `rules test` of the pack still say file:line:col
// and quote the line (the positions point into the SourceText given to decode).
//
// The format is private to one build (the generator and the binary are built together): a
// version word guards against a stale generated file, not against other producers.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "logdx/engine/rule_file.hpp"

namespace logdx {

std::string encode_rule_file(const RuleFile& file);
// nullopt when the bytes are not an encoding of this build's format. Positions that named
// the file get `source` (and its name) back. Without `tests`, each rule's `tests` that was
// written comes back empty (present, so overrides and stubs read the same), and is not decoded.
std::optional<RuleFile> decode_rule_file(std::string_view bytes,
                                         std::shared_ptr<const SourceText> source,
                                         bool tests = true);

}  // namespace logdx
