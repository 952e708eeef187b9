#pragma once
// The per-input parsing state of EventReader: the winning parser, the per-line fallbacks,
// the record that is still open (it may get continuation lines), the peeler and the joiner.

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "core/prefix_peeler.hpp"
#include "core/start_table.hpp"
#include "core/year_inference.hpp"
#include "logdx/parsers/envelope_peeler.hpp"
#include "logdx/parsers/event_reader.hpp"
#include "logdx/parsers/record_joiner.hpp"
#include "plain/plain_inference.hpp"

namespace logdx {

class InputParse {
 public:
  InputParse(const ParserRegistry& registry, const ParserOptions& options, std::string_view winner,
             std::string input_name, RecordJoiner::Sink sink, InputSummary& summary,
             YearInference years = YearInference(0, false));

  // One physical line: `text` cleaned of paste noise, `raw` as written.
  void line(std::string_view text, std::string_view raw, std::uint64_t number,
            std::uint64_t offset);
  // End of input: completes the open record and flushes the joiner. Lines may follow (a
  // followed input that went quiet): they start new records.
  void finish();

 private:
  // Parse attempts write into one scratch event, cleared each time; only the record that is
  // kept gets its location and raw text, so a line that parsers refuse costs no copies.
  Event& attempt();
  void keep(std::string_view raw, std::uint64_t number, std::uint64_t offset,
            EnvelopeParser* parser, bool fallback_plain);
  void open_record(Event&& event, EnvelopeParser* parser, bool fallback_plain);
  void close_record();
  // The first other parser that claims the line (its verdict in `verdict`), or null.
  EnvelopeParser* try_fallbacks(std::string_view text, LineVerdict& verdict);
  // A line no parser claims: a known record behind an unknown prefix, else plain text with
  // what its shape says (plain_inference.hpp).
  void keep_unclaimed(std::string_view text, std::string_view raw, std::uint64_t number,
                      std::uint64_t offset);

  std::string input_name_;
  InputSummary& summary_;
  std::unique_ptr<EnvelopeParser> winner_;                  // null when no format won (plain text)
  std::vector<std::unique_ptr<EnvelopeParser>> fallbacks_;  // most specific first
  StartTable fallback_starts_{fallbacks_};                  // which of them a first byte admits
  std::vector<char> fallback_offered_;  // per fallback: offered a line (may have left its reset)
  std::vector<std::uint16_t> offered_fallbacks_;  // those offered a line, ascending
  std::vector<std::uint16_t> newly_offered_;      // offered their first line by this walk
  std::unique_ptr<EnvelopeParser> plain_;
  EnvelopePeeler peeler_;
  PrefixPeeler prefix_peeler_;
  PlainInference inference_;
  RecordJoiner joiner_;
  Event scratch_;
  Event open_;  // the record that may still get continuation lines, when has_open_
  bool has_open_ = false;
  EnvelopeParser* open_parser_ = nullptr;
  bool open_is_plain_ = false;
  YearInference years_;  // settles the year of each record's yearless stamp
};

}  // namespace logdx
