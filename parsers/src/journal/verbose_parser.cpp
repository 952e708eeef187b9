// journalctl -o verbose: a header "Tue 2026-02-10 15:20:41.553104 UTC [s=...;i=...;...]" then
// the fields as "    KEY=value". A value with newlines continues on lines indented to just
// after its "KEY=", so deeper-indented lines extend the field above.

#include "grammar/time.hpp"
#include "journal/export_parser.hpp"
#include "journal/journal_meta.hpp"
#include "journal/journal_record.hpp"

namespace logdx::journal {
namespace {

constexpr std::string_view kFieldIndent = "    ";

class JournalVerboseParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kJournalVerboseInfo; }

  LineVerdict parse_line(std::string_view line, Event& fresh, Event* open) override {
    if (read_header(line)) {
      inside_ = true;
      return emit_record(record_, true, fresh, open);
    }
    if (inside_ && line.starts_with(kFieldIndent)) {
      if (read_field(line.substr(kFieldIndent.size())) || extend_field(line)) {
        return emit_record(record_, false, fresh, open);
      }
    }
    inside_ = false;
    last_key_.clear();
    if (classify_meta_line(line, false) == MetaLine::header) return LineVerdict::skip;
    return LineVerdict::no_match;
  }

  // Outside an entry only a header ("Tue 2026-02-10 ... [s=...]") or a journal meta line
  // is this format's, and a refused line changes nothing.
  bool may_start(std::string_view line) const override {
    return inside_ || !last_key_.empty() || grammar::may_start_weekday_iso(line) ||
           may_be_meta_line(line);
  }
  // A meta line's first byte (journal_meta.hpp), or an entry's "Tue 2026-02-10 ..." header,
  // whose weekday name may start with nearly any byte but whose date holds a dash.
  StartBytes start_bytes() const override { return StartBytes{}.add("\xE2-H \t").add_held("-"); }

  void reset() override {
    inside_ = false;
    last_key_.clear();
    record_.clear();
  }

 private:
  bool read_header(std::string_view line) {
    std::string_view rest = line;
    Timestamp time;
    std::string_view text;
    if (!grammar::weekday_iso(rest, time, text)) return false;
    if (!rest.starts_with(" [") || !rest.ends_with("]")) return false;
    record_.clear();
    record_.set_header_time(time, text);
    record_.set_cursor(rest.substr(2, rest.size() - 3));
    last_key_.clear();
    return true;
  }

  bool read_field(std::string_view text) {
    const std::size_t eq = text.find('=');
    if (eq == std::string_view::npos || !is_journal_field_name(text.substr(0, eq))) return false;
    last_key_.assign(text.substr(0, eq));
    last_value_.assign(text.substr(eq + 1));
    record_.set(last_key_, last_value_);
    return true;
  }

  // A line of a multi-line value: indented past "    KEY=".
  bool extend_field(std::string_view line) {
    if (last_key_.empty()) return false;
    const std::size_t indent = kFieldIndent.size() + last_key_.size() + 1;
    if (line.size() < indent || line.find_first_not_of(' ') < indent) return false;
    last_value_.push_back('\n');
    last_value_.append(line.substr(indent));
    record_.set(last_key_, last_value_);
    return true;
  }

  JournalRecord record_;
  bool inside_ = false;
  std::string last_key_;
  std::string last_value_;
};

}  // namespace

std::unique_ptr<EnvelopeParser> make_journal_verbose_parser(const ParserOptions&) {
  return std::make_unique<JournalVerboseParser>();
}

}  // namespace logdx::journal
