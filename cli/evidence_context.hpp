#pragma once
// `analyze --context N`: the raw lines around each evidence line, as `grep -C N` shows them.
// Nothing is kept while reading (most lines prove nothing); after the analysis each input that
// holds evidence is read once more, by location (input and line number), and only the lines
// asked for are kept. Standard input and the journal cannot be read again: their evidence says
// that context is not available instead.

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "logdx/engine/diagnosis.hpp"
#include "logdx/parsers/input_set.hpp"

namespace logdx::cli {

struct ContextLines {
  std::vector<std::pair<std::uint64_t, std::string>> lines;  // number, raw text; in order
  std::string unavailable;  // why there are none ("standard input is read once")
};

class EvidenceContext {
 public:
  // `inputs` are the inputs as resolved for the analysis (their display names are what
  // evidence names); `radius` lines before and after each evidence line.
  static EvidenceContext gather(const std::vector<Diagnosis>& diagnoses,
                                const std::vector<ResolvedInput>& inputs, std::size_t radius);

  // The lines around one evidence line, the evidence line itself included; nullptr when the
  // evidence was not asked about.
  const ContextLines* around(const std::string& input, std::uint64_t line) const;

 private:
  std::map<std::pair<std::string, std::uint64_t>, ContextLines> by_location_;
};

}  // namespace logdx::cli
