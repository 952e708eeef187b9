#include "logdx/parsers/event_reader.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <ctime>

#include "input/binary_sniff.hpp"
#include "input_parse.hpp"
#include "journal/journal_display.hpp"
#include "logdx/parsers/byte_source.hpp"
#include "logdx/parsers/line_reader.hpp"
#include "logdx/parsers/paste_cleaner.hpp"

namespace logdx {
namespace {

// A line kept for detection, replayed through the parser once the format is known.
struct SampledLine {
  std::string text;
  std::string raw;
  std::uint64_t number = 0;
  std::uint64_t offset = 0;
};

std::tm civil_of(std::int64_t epoch_seconds) {
  const std::time_t t = static_cast<std::time_t>(epoch_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return tm;
}

// Cuts lines over the limit, cleans paste noise, and counts what it dropped.
class CleanLines {
 public:
  CleanLines(ByteSource& source, std::size_t max_line, const LineReader::Observer& observer)
      : reader_(source, max_line) {
    if (observer) reader_.set_observer(observer);
  }

  // Next line to parse; false at the end. `text` and `raw` are valid until the next call.
  bool next(std::string_view& text, std::string_view& raw, Line& line) {
    // A record glued onto the last line shares its raw text and location.
    if (const auto glued = cleaner_.next_glued()) {
      text = *glued;
      return true;
    }
    while (reader_.next(line)) {
      if (line.cut && line.number == last_cut_number_) continue;  // later pieces of a long line
      if (line.cut) {
        last_cut_number_ = line.number;
        if (first_cut_line_ == 0) first_cut_line_ = line.number;
      }
      const PasteCleaner::Result r = cleaner_.clean(line.text);
      if (r.kind != PasteCleaner::Kind::text) continue;
      text = r.text;
      raw = line.text;
      if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
      return true;
    }
    return false;
  }

  const LineReader& reader() const { return reader_; }
  std::uint64_t first_cut_line() const { return first_cut_line_; }

 private:
  LineReader reader_;
  PasteCleaner cleaner_;
  std::uint64_t last_cut_number_ = 0;
  std::uint64_t first_cut_line_ = 0;
};

// Standard input is not sniffed by resolve_inputs, so the reader judges the first lines.
bool looks_binary(const std::vector<SampledLine>& sample) {
  std::string head;
  for (const auto& line : sample) {
    head.append(line.raw).push_back('\n');
    if (head.size() >= input::kBinarySniffBytes) break;
  }
  return input::looks_binary_bytes(std::string_view(head).substr(0, input::kBinarySniffBytes));
}

// A file is read as it was when opened (FileSource); one that grew meanwhile gets a note saying
// how much was left for the next run, so nothing is dropped silently.
std::optional<ReaderDiagnostic> grown_note(const ResolvedInput& input,
                                           std::optional<std::uint64_t> opened_size) {
  struct stat st {};
  if (input.is_stdin || !opened_size || *opened_size == 0 || ::stat(input.path.c_str(), &st) != 0 ||
      !S_ISREG(st.st_mode) || static_cast<std::uint64_t>(st.st_size) <= *opened_size) {
    return std::nullopt;
  }
  return ReaderDiagnostic{
      ReaderDiagnostic::Severity::note, input.display_name, 0,
      fmt::format("{}: grew by {} bytes while being read; only the {} bytes it had when opened "
                  "were read",
                  input.display_name, static_cast<std::uint64_t>(st.st_size) - *opened_size,
                  *opened_size)};
}

}  // namespace

EventReader::EventReader(const ParserRegistry& registry, ReaderOptions options)
    : registry_(registry), options_(std::move(options)) {}

InputSummary EventReader::read(const ResolvedInput& input, const Sink& sink,
                               std::vector<ReaderDiagnostic>& diagnostics,
                               const LineReader::Observer& observer) const {
  std::unique_ptr<ByteSource> source;
  try {
    source = open_byte_source(input);
  } catch (const InputError& e) {
    diagnostics.push_back({ReaderDiagnostic::Severity::error, input.display_name, 0, e.what()});
    InputSummary summary;
    summary.input = input.display_name;
    summary.failed = true;
    return summary;
  }
  return read(input, std::move(source), sink, diagnostics, observer);
}

InputSummary EventReader::read(const ResolvedInput& input, std::unique_ptr<ByteSource> source,
                               const Sink& sink, std::vector<ReaderDiagnostic>& diagnostics,
                               const LineReader::Observer& observer) const {
  using Severity = ReaderDiagnostic::Severity;
  InputSummary summary;
  summary.input = input.display_name;
  ParserOptions parser_options;
  const std::tm written = civil_of(input.mtime != 0 ? input.mtime : std::time(nullptr));
  parser_options.default_year = options_.year.value_or(written.tm_year + 1900);
  const unsigned reference_month =
      options_.year || input.mtime == 0 ? 0 : static_cast<unsigned>(written.tm_mon + 1);

  const std::optional<std::uint64_t> opened_size = source->size_hint();
  summary.transcoded = source->transcoded();
  CleanLines lines(*source, options_.max_line_bytes, observer);
  std::optional<InputParse> parse;
  source->on_idle([&parse] {
    if (parse) parse->finish();  // a quiet followed input: its last record is complete
  });
  std::vector<SampledLine> sample;
  auto counting_sink = [&](Event&& e) {
    ++summary.events;
    if (e.host.empty()) e.host = input.folder_host;  // a host-less line in a host's folder
    if (input.journal) journal::present_journal_entry(e, summary.events);
    sink(std::move(e));
  };
  try {
    std::string_view text, raw;
    Line line;
    std::size_t sampled_bytes = 0;
    std::size_t sampled_nonblank = 0;
    // An input that says its parser needs no sample (and a followed file must not wait for one).
    const std::size_t detect_lines = input.parser.empty() ? options_.detect_lines : 0;
    while (sampled_nonblank < detect_lines && sampled_bytes < options_.detect_bytes &&
           lines.next(text, raw, line)) {
      sample.push_back({std::string(text), std::string(raw), line.number, line.byte_offset});
      sampled_bytes += raw.size();
      if (!text.empty()) ++sampled_nonblank;
    }
    // The journal's export form carries binary fields by design; it is never a stray binary.
    if (!input.journal && looks_binary(sample)) {
      diagnostics.push_back({Severity::note, input.display_name, 0,
                             fmt::format("{}: skipped: binary file", input.display_name)});
      summary.skipped = true;
      return summary;
    }
    if (!input.parser.empty()) {
      summary.parser = input.parser;  // the input says what it is (the journal's export form)
    } else if (!options_.forced_parser.empty()) {
      summary.parser = options_.forced_parser;
    } else {
      std::vector<std::string> texts;
      texts.reserve(sample.size());
      for (const auto& s : sample) {
        if (!s.text.empty()) texts.push_back(s.text);
      }
      summary.detection = FormatDetector(registry_).detect(texts, parser_options);
      summary.parser = std::string(summary.detection.winner);
    }
    YearInference years(reference_month, !options_.year.has_value());
    for (const auto& s : sample) years.seed(s.text);
    parse.emplace(registry_, parser_options, summary.parser, input.display_name, counting_sink,
                  summary, years);
    for (const auto& s : sample) parse->line(s.text, s.raw, s.number, s.offset);
    sample.clear();
    while (lines.next(text, raw, line)) parse->line(text, raw, line.number, line.byte_offset);
  } catch (const InputError& e) {
    diagnostics.push_back(
        {Severity::error, input.display_name, lines.reader().lines_read(), e.what()});
    summary.failed = true;
  }
  if (parse) parse->finish();
  if (!summary.failed) {
    if (auto note = grown_note(input, opened_size)) diagnostics.push_back(std::move(*note));
  }
  summary.lines = lines.reader().lines_read();
  summary.bytes = lines.reader().bytes_read();
  summary.content_hash = lines.reader().content_hash();
  summary.lines_cut = lines.reader().lines_cut();
  if (summary.lines_cut > 0) {
    diagnostics.push_back(
        {Severity::warning, input.display_name, lines.first_cut_line(),
         fmt::format("{}: {} line(s) longer than {} bytes were cut to that length (first at line "
                     "{})",
                     input.display_name, summary.lines_cut, options_.max_line_bytes,
                     lines.first_cut_line())});
  }
  return summary;
}

}  // namespace logdx
