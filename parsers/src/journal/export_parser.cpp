// journalctl -o export (Journal Export Format): "KEY=value" lines, a blank line between
// entries, and binary-safe fields written as "KEY\n" + 64-bit little-endian size + bytes +
// "\n". The bytes may contain newlines, so a binary field can span several physical lines:
// the parser counts bytes across lines (each line end stands for one '\n' byte).

#include "journal/export_parser.hpp"

#include "journal/journal_record.hpp"

namespace logdx::journal {
namespace {

constexpr std::uint64_t kMaxBinaryField = std::uint64_t{1} << 30;  // beyond this: not export data

class JournalExportParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kJournalExportInfo; }

  LineVerdict parse_line(std::string_view line, Event& fresh, Event* open) override {
    if (phase_ != Phase::fields) return binary_line(line, fresh, open);
    if (line.empty()) {
      const bool was_inside = inside_;
      inside_ = false;
      return was_inside ? LineVerdict::skip : LineVerdict::no_match;
    }
    const std::size_t eq = line.find('=');
    const std::string_view key = line.substr(0, eq);
    if (!is_journal_field_name(key)) return give_up();
    const bool starts = !inside_;
    // An entry opens with __CURSOR in journalctl output; hand-written export data may open
    // with any field, but "PATH=/usr/bin" (an env file) must not count, so ask for a field
    // the journal itself adds or one every entry carries.
    if (starts && key.front() != '_' && key != "MESSAGE" && key != "PRIORITY" &&
        key != "SYSLOG_IDENTIFIER") {
      return LineVerdict::no_match;
    }
    if (starts) record_.clear();
    inside_ = true;
    if (eq == std::string_view::npos) {
      key_.assign(key);
      value_.clear();
      size_ = 0;
      size_bytes_ = 0;
      phase_ = Phase::size;
    } else {
      record_.set(key, line.substr(eq + 1));
    }
    return emit_record(record_, starts, fresh, open);
  }

  // Between entries only a field an entry may open with (a '_' field, MESSAGE, PRIORITY,
  // SYSLOG_IDENTIFIER) starts one; every other line is refused and changes nothing.
  bool may_start(std::string_view line) const override {
    return phase_ != Phase::fields || inside_ || line.starts_with('_') ||
           line.starts_with("MESSAGE") || line.starts_with("PRIORITY") ||
           line.starts_with("SYSLOG_IDENTIFIER");
  }
  StartBytes start_bytes() const override { return StartBytes{}.add("_MPS"); }

  void reset() override {
    phase_ = Phase::fields;
    inside_ = false;
    record_.clear();
  }

 private:
  enum class Phase : std::uint8_t { fields, size, value, terminator };

  LineVerdict give_up() {
    phase_ = Phase::fields;
    inside_ = false;
    return LineVerdict::no_match;
  }

  // Feeds the line's bytes and its '\n' to the binary field being read.
  LineVerdict binary_line(std::string_view line, Event& fresh, Event* open) {
    std::size_t i = 0;
    const std::size_t n = line.size() + 1;  // + the line end
    auto byte_at = [&](std::size_t k) { return k < line.size() ? line[k] : '\n'; };
    while (i < n) {
      if (phase_ == Phase::size) {
        size_ |= std::uint64_t{static_cast<unsigned char>(byte_at(i++))} << (8 * size_bytes_);
        if (++size_bytes_ == 8) {
          if (size_ > kMaxBinaryField) return give_up();
          phase_ = size_ == 0 ? Phase::terminator : Phase::value;
        }
      } else if (phase_ == Phase::value) {
        const std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(size_, n - i));
        for (std::size_t k = 0; k < take; ++k) value_.push_back(byte_at(i + k));
        i += take;
        size_ -= take;
        if (size_ == 0) phase_ = Phase::terminator;
      } else {
        // Only the final '\n' of this line may end the field.
        if (i != line.size()) return give_up();
        ++i;
        phase_ = Phase::fields;
        record_.set(key_, value_);
      }
    }
    return emit_record(record_, false, fresh, open);
  }

  JournalRecord record_;
  Phase phase_ = Phase::fields;
  bool inside_ = false;
  std::string key_;
  std::string value_;
  std::uint64_t size_ = 0;
  unsigned size_bytes_ = 0;
};

}  // namespace

std::unique_ptr<EnvelopeParser> make_journal_export_parser(const ParserOptions&) {
  return std::make_unique<JournalExportParser>();
}

}  // namespace logdx::journal
