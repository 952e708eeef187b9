#include "evidence_context.hpp"

#include <algorithm>
#include <set>

#include "logdx/parsers/byte_source.hpp"
#include "logdx/parsers/line_reader.hpp"

namespace logdx::cli {
namespace {

using Wanted = std::map<std::string, std::set<std::uint64_t>>;  // input -> evidence lines

void collect(const std::vector<Diagnosis>& diagnoses, Wanted& wanted) {
  for (const Diagnosis& d : diagnoses) {
    for (const Evidence& e : d.evidence) {
      if (e.line > 0) wanted[e.input].insert(e.matched_line());
    }
    collect(d.explains, wanted);
  }
}

const ResolvedInput* find_input(const std::vector<ResolvedInput>& inputs, const std::string& name) {
  const auto it = std::find_if(inputs.begin(), inputs.end(), [&name](const ResolvedInput& in) {
    return in.display_name == name;
  });
  return it == inputs.end() ? nullptr : &*it;
}

std::string why_unavailable(const ResolvedInput* input) {
  if (input == nullptr) return "its input is not known";
  if (input->is_stdin) return "standard input is read once; save it to a file for --context";
  if (input->journal) return "the journal is not read again; export it to a file for --context";
  return {};
}

// Reads one input once and keeps the lines within `radius` of any wanted line.
std::map<std::uint64_t, std::string> read_around(const ResolvedInput& input,
                                                 const std::set<std::uint64_t>& wanted,
                                                 std::size_t radius, std::string& error) {
  std::map<std::uint64_t, std::string> kept;
  try {
    const auto source = open_byte_source(input);
    LineReader reader(*source);
    Line line;
    const std::uint64_t last = *wanted.rbegin() + radius;
    while (reader.next(line) && line.number <= last) {
      const auto next = wanted.lower_bound(line.number > radius ? line.number - radius : 0);
      if (next != wanted.end() && *next <= line.number + radius) {
        std::string text(line.text);
        if (!text.empty() && text.back() == '\r') text.pop_back();
        kept[line.number] = std::move(text);
      }
    }
  } catch (const InputError& e) {
    error = e.what();
  }
  return kept;
}

}  // namespace

EvidenceContext EvidenceContext::gather(const std::vector<Diagnosis>& diagnoses,
                                        const std::vector<ResolvedInput>& inputs,
                                        std::size_t radius) {
  Wanted wanted;
  collect(diagnoses, wanted);
  EvidenceContext out;
  for (const auto& [name, lines] : wanted) {
    const ResolvedInput* input = find_input(inputs, name);
    std::string unavailable = why_unavailable(input);
    std::map<std::uint64_t, std::string> kept;
    if (unavailable.empty()) kept = read_around(*input, lines, radius, unavailable);
    for (const std::uint64_t at : lines) {
      ContextLines& context = out.by_location_[{name, at}];
      context.unavailable = unavailable;
      const std::uint64_t from = at > radius ? at - radius : 1;
      for (auto it = kept.lower_bound(from); it != kept.end() && it->first <= at + radius; ++it) {
        context.lines.emplace_back(it->first, it->second);
      }
      if (unavailable.empty() && context.lines.empty()) {
        context.unavailable = "the input changed since it was read";
      }
    }
  }
  return out;
}

const ContextLines* EvidenceContext::around(const std::string& input, std::uint64_t line) const {
  const auto it = by_location_.find({input, line});
  return it == by_location_.end() ? nullptr : &it->second;
}

}  // namespace logdx::cli
