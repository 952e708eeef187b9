// `analyze` end to end on arbitrary bytes with the built-in rule pack: the bytes are an input
// file (held in a memfd, read through its /proc path like any file: binary sniffing, gzip and
// zstd magic, line cutting, detection, peeling, joining), the analyzer runs, and both outputs
// are checked: the JSON must parse (simdjson) with the contract's schema, and the text (no
// colour) must hold no ESC or other C0 control byte except newline and tab.
// The reader's buffers go through the Hyperscan prefilter, as in `logdx analyze` (its default
// path; the scan and add calls as in cli/parallel_analyze.cpp, but the database compiled from
// the rules, or read from the cache, rather than the one embedded in the binary): without it
// every event is matched against one RE2::Set of all the pack's patterns, whose DFA states
// cost most of each run.

#include <simdjson.h>
#include <sys/mman.h>
#include <unistd.h>

#include "analysis_json.hpp"
#include "analysis_markdown.hpp"
#include "analysis_report.hpp"
#include "analysis_sarif.hpp"
#include "analysis_text.hpp"
#include "builtin_rules.hpp"
#include "cache_folder.hpp"
#include "fuzz_input.hpp"
#include "logdx/engine/analyzer.hpp"
#include "logdx/engine/prefilter.hpp"
#include "logdx/engine/redactor.hpp"
#include "logdx/engine/rule_loader.hpp"

namespace {

struct Setup {
  logdx::RuleSet rules;
  logdx::ParserRegistry registry = logdx::ParserRegistry::builtin();
  int fd = memfd_create("logdx-fuzz-input", 0);
  std::string path = "/proc/self/fd/" + std::to_string(fd);
  // Once per process: the pack's database as the build compiled it, as logdx takes it (a
  // compile here took ~20 s of a 15 s CI run under ASan); null in a build without Hyperscan.
  std::unique_ptr<logdx::PatternDatabase> prefilter = logdx::PatternDatabase::build(
      rules, logdx::cli::prefilter_cache_dir(), logdx::builtin_prefilter_database());
};

Setup& setup() {
  static Setup* const kSetup = [] {
    // As an analysis loads it: without the rules' embedded tests.
    auto loaded = logdx::RuleLoader(logdx::RuleReaderOptions{.pack_tests = false})
                      .load_texts(logdx::builtin_rule_texts());
    if (!loaded.ok()) logdx::fuzz::fail("the built-in rule pack does not load");
    auto* s = new Setup{std::move(*loaded.rules)};
    if (s->fd < 0) logdx::fuzz::fail("memfd_create");
    return s;
  }();
  return *kSetup;
}

void check_text(const std::string& text) {
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\n' && c != '\t') logdx::fuzz::fail("a control byte in text output");
    if (u == 0x7f) logdx::fuzz::fail("DEL in text output");
  }
}

// `schema`: the analysis' "schema" value; empty for SARIF, which says "version": "2.1.0".
void check_json(const std::string& json, std::string_view schema) {
  static simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(json).get(doc) != simdjson::SUCCESS) logdx::fuzz::fail("JSON does not parse");
  std::string_view value;
  const char* key = schema.empty() ? "version" : "schema";
  if (doc[key].get(value) != simdjson::SUCCESS || value != (schema.empty() ? "2.1.0" : schema)) {
    logdx::fuzz::fail("JSON without its schema or version");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Setup& s = setup();
  if (ftruncate(s.fd, 0) != 0 || pwrite(s.fd, data, size, 0) != static_cast<ssize_t>(size)) {
    logdx::fuzz::fail("writing the memfd");
  }
  logdx::ReaderOptions options;
  options.year = 2026;
  options.max_line_bytes = 4096;  // small, so the fuzzer reaches the cutting of long lines
  const logdx::EventReader reader(s.registry, options);
  const logdx::ResolvedInput input{s.path, "fuzz.log", false, 1764000000, nullptr, "", ""};
  logdx::AnalyzerOptions analyzer_options;
  analyzer_options.prefilter = s.prefilter.get();
  logdx::Analyzer analyzer(s.rules, analyzer_options);
  analyzer.begin_input();
  const logdx::LineReader::Observer observer =
      [&analyzer](std::string_view lines, std::uint64_t offset) { analyzer.scan(lines, offset); };
  std::vector<logdx::ReaderDiagnostic> diagnostics;
  std::vector<logdx::InputSummary> summaries{reader.read(
      input, [&analyzer](logdx::Event&& e) { analyzer.add(e, 0); }, diagnostics, observer)};
  logdx::AnalysisResult result = analyzer.finish();
  logdx::Redactor().redact(result);  // as analyze prints it: redaction must keep every output valid
  logdx::cli::ReadStats stats;
  stats.seconds = 0.5;
  const logdx::cli::AnalysisReport report{result, summaries, stats, &s.rules, nullptr,
                                          true,   nullptr,   0,     {}};
  check_json(logdx::cli::analysis_json(report), "logdx.analysis/2");
  check_json(logdx::cli::analysis_sarif(report), "");
  check_text(logdx::cli::analysis_text(report, logdx::cli::TextStyle{false, 80}));
  check_text(logdx::cli::analysis_markdown(report));
  return 0;
}
