#include "logdx/parsers/text_events.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

#include "logdx/parsers/event_reader.hpp"

namespace logdx {
namespace {

// A text already in memory as a byte source: what EventReader reads.
class TextSource final : public ByteSource {
 public:
  explicit TextSource(std::string_view text) : text_(text) {}
  std::size_t read(std::span<char> buffer) override {
    const std::size_t n = std::min(buffer.size(), text_.size());
    std::memcpy(buffer.data(), text_.data(), n);
    text_.remove_prefix(n);
    return n;
  }
  std::optional<std::uint64_t> size_hint() const override { return text_.size(); }

 private:
  std::string_view text_;
};

}  // namespace

std::vector<Event> read_text_events(const ParserRegistry& registry, std::string_view text,
                                    std::string_view name) {
  ResolvedInput input;
  input.path = std::string(name);
  input.display_name = std::string(name);
  std::vector<Event> events;
  std::vector<ReaderDiagnostic> ignored;
  EventReader(registry, ReaderOptions{})
      .read(
          input, std::make_unique<TextSource>(text),
          [&events](Event&& event) { events.push_back(std::move(event)); }, ignored);
  return events;
}

}  // namespace logdx
