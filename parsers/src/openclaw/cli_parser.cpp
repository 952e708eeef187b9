// openclaw CLI output (gateway status / probe / call, health, doctor, config validate / set,
// logs when it fails): records are lines, without time. Strict on purpose: a line is claimed
// only in a shape openclaw prints (cli_shapes.hpp) or as clack decoration; generic keys and
// section titles only once the input has shown a strong openclaw line; an indented line right
// after one of our records ("  connect ECONNREFUSED ...", "  × gateway.port: ...",
// "  Backup: ...") continues it. Inside a doctor note box every line is content, so the box
// survives the PasteCleaner having stripped its "│ ... │" frame.

#include "openclaw/cli_shapes.hpp"
#include "openclaw/openclaw_parsers.hpp"
#include "openclaw/stamp.hpp"

namespace logdx::openclaw {
namespace {

const ParserInfo kCliInfo{"openclaw-cli",
                          "openclaw CLI output: gateway status, health, doctor, config validate",
                          SourceKind::gateway, 30, false};

class CliParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kCliInfo; }

  LineVerdict parse_line(std::string_view line, Event& event, Event* open) override {
    const ClackResult clack = read_clack(line);
    switch (clack.kind) {
      case ClackLine::rule:
        return claimed(LineVerdict::skip);
      case ClackLine::opens:
        in_box_ = true;
        box_lines_ = 0;
        return claimed(LineVerdict::skip);
      case ClackLine::closes:
        in_box_ = false;
        return claimed(LineVerdict::skip);
      case ClackLine::content:
        if (clack.closes_box) in_box_ = false;
        event.level = clack_mark_level(clack.mark);
        return record(clack.text, event);
      case ClackLine::none:
        break;
    }
    const std::string_view trimmed = trim(line);
    if (trimmed.empty()) {
      if (in_box_) return LineVerdict::skip;
      last_ours_ = false;
      follow_ = FollowLines::none;
      return LineVerdict::no_match;
    }
    if (in_box_ && box_lines_ < kMaxBoxLines && !looks_like_other_record(line)) {
      ++box_lines_;
      return record(trimmed, event);
    }
    in_box_ = false;
    if (trimmed.size() != line.size() && line.front() == ' ' && last_ours_ && open != nullptr) {
      open->message.push_back('\n');
      open->message.append(line);
      return LineVerdict::continuation;
    }
    // The lines under a report's header are one report with it, flush left as openclaw prints
    // them: a config header names the file and each issue the key; a service state the hint.
    if (follow_ != FollowLines::none && last_ours_ && open != nullptr &&
        follows(follow_, trimmed)) {
      open->message.push_back('\n');
      open->message.append(trimmed);
      return LineVerdict::continuation;
    }
    follow_ = FollowLines::none;
    return classify(trimmed, event);
  }

  // Inside a box, or right after a record of ours, every line counts (a refusal resets
  // last_ours_); otherwise only clack decoration (U+2500 block, all 0xE2 first) and lines
  // read_cli_line may take are ours, and a refused line changes nothing.
  bool may_start(std::string_view line) const override {
    if (in_box_ || last_ours_ || follow_ != FollowLines::none ||
        (!line.empty() && line.front() == '\xE2')) {
      return true;
    }
    return may_be_cli_line(trim(line));
  }

  // Blanks (trimmed before the shapes are read), clack's 0xE2, the shapes' first bytes.
  StartBytes start_bytes() const override { return cli_line_start_bytes().add(" \t\xE2"); }

  void reset() override {
    in_box_ = false;
    follow_ = FollowLines::none;
    last_ours_ = false;
    seen_ours_ = false;
  }

 private:
  LineVerdict classify(std::string_view text, Event& event) {
    switch (read_cli_line(text, event)) {
      case CliMatch::strong:
        seen_ours_ = true;
        return finish(event);
      case CliMatch::context:
        if (seen_ours_) return finish(event);
        break;
      case CliMatch::title:
        if (seen_ours_) return claimed(LineVerdict::skip);
        break;
      case CliMatch::none:
        break;
    }
    last_ours_ = false;
    return LineVerdict::no_match;
  }

  LineVerdict record(std::string_view text, Event& event) {
    event.message.assign(text);
    seen_ours_ = true;
    return finish(event);
  }

  LineVerdict finish(Event& event) {
    follow_ = follow_lines_of(event.message);
    event.process = "openclaw";
    event.source = SourceKind::gateway;
    return claimed(LineVerdict::record);
  }

  LineVerdict claimed(LineVerdict verdict) {
    last_ours_ = verdict == LineVerdict::record;
    if (verdict == LineVerdict::skip) seen_ours_ = true;
    return verdict;
  }

  // A doctor note is a few lines; when its frame was stripped (PasteCleaner) and its bottom
  // bar with it, the box must still end somewhere.
  static constexpr int kMaxBoxLines = 40;

  bool in_box_ = false;     // between a note's title bar and its bottom
  int box_lines_ = 0;       // unframed lines taken as box content so far
  bool last_ours_ = false;  // the previous line was one of our records
  bool seen_ours_ = false;  // the input has shown openclaw CLI output
  FollowLines follow_ = FollowLines::none;  // what may continue the open record
};

}  // namespace

void add_cli_parser(ParserRegistry& registry) {
  registry.add(kCliInfo, [](const ParserOptions&) -> std::unique_ptr<EnvelopeParser> {
    return std::make_unique<CliParser>();
  });
}

}  // namespace logdx::openclaw
