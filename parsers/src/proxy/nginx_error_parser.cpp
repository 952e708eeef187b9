// nginx's error_log: "2026/03/05 08:20:25 [error] 1234#1234: *5 connect() failed (111:
// Connection refused) while connecting to upstream, client: 127.0.0.1, server: _, request:
// "GET / HTTP/1.1", upstream: "http://127.0.0.1:18789/", host: "..."". Also the binary's own
// stderr ("nginx: [emerg] bind() to 0.0.0.0:80 failed ...") as it lands in the journal.

#include <boost/spirit/home/x3.hpp>
#include <functional>
#include <vector>

#include "core/line_shape.hpp"
#include "grammar/ascii_chars.hpp"
#include "grammar/time.hpp"
#include "proxy/proxy_parsers.hpp"

namespace logdx::proxy {
namespace {

namespace x3 = boost::spirit::x3;

const ParserInfo kNginxErrorInfo{"nginx-error",
                                 "nginx error log: YYYY/MM/DD HH:MM:SS [level] pid#tid: *cid "
                                 "message, client: ..., upstream: ...",
                                 SourceKind::proxy, 60, true};

struct Prefix {
  std::string_view level;
  std::int64_t pid = 0;
  std::int64_t tid = 0;
  std::int64_t connection = -1;
};
struct prefix_tag;

template <typename Member>
auto set_prefix(Member member) {
  return [member](auto& ctx) { x3::get<prefix_tag>(ctx).get().*member = x3::_attr(ctx); };
}
const auto set_level = [](auto& ctx) {
  auto& range = x3::_attr(ctx);
  x3::get<prefix_tag>(ctx).get().level = std::string_view(&*range.begin(), range.size());
};

const x3::uint_parser<std::int64_t, 10, 1, 10> number;
const auto level_word = x3::raw[+grammar::ascii::lower][set_level];
// After the stamp: " [error] 1234#1234: *5 " (the "*cid " only for request-bound messages).
const auto log_prefix = x3::lit(" [") >> level_word >>
                        x3::lit("] ") >> number[set_prefix(&Prefix::pid)] >> x3::lit('#') >>
                        number[set_prefix(&Prefix::tid)] >> x3::lit(": ") >>
                        -(x3::lit('*') >> number[set_prefix(&Prefix::connection)] >> x3::lit(' '));
// The binary's stderr: "nginx: [emerg] ".
const auto stderr_prefix = x3::lit("nginx: [") >> level_word >> x3::lit("] ");

// The context nginx appends: ", client: 1.2.3.4, server: x, request: "GET / HTTP/1.1", ...".
// A quoted value ends at a quote followed by the next ", key: " or the end of the line; the
// closing quote may be missing when nginx cut the line at its 2048-byte limit.
using Pairs = std::vector<std::pair<std::string_view, std::string_view>>;
struct pairs_tag;
const auto push_key = [](auto& ctx) {
  auto& range = x3::_attr(ctx);
  x3::get<pairs_tag>(ctx).get().emplace_back(std::string_view(&*range.begin(), range.size()),
                                             std::string_view());
};
const auto set_value = [](auto& ctx) {
  auto& range = x3::_attr(ctx);
  const char* begin = range.begin() == range.end() ? nullptr : &*range.begin();
  x3::get<pairs_tag>(ctx).get().back().second = std::string_view(begin, range.size());
};
const auto key_chars = +(grammar::ascii::lower | x3::char_('_'));
const auto next_pair = x3::lit(", ") >> key_chars >> x3::lit(": ");
const auto quoted = x3::lit('"') >>
                    x3::raw[*(x3::char_ - (x3::lit('"') >> (x3::eoi | next_pair)))][set_value] >>
                    -x3::lit('"');
// Unquoted values (client address, server name) never hold a quote: one means this ", client: "
// was inside a quoted file name, not the context.
const auto bare = x3::raw[*(x3::char_ - x3::lit(", ") - x3::lit('"'))][set_value];
const auto pair_rule = x3::lit(", ") >> x3::raw[key_chars][push_key] >> x3::lit(": ") >>
                       (quoted | bare);
const auto context_rule = +pair_rule >> x3::eoi;

constexpr std::string_view kNginxLevels[] = {"debug", "info", "notice", "warn",
                                             "error", "crit", "alert",  "emerg"};

bool is_nginx_level(std::string_view word) {
  for (auto level : kNginxLevels) {
    if (word == level) return true;
  }
  return false;
}

template <typename Rule>
bool parse_prefix(std::string_view& rest, const Rule& rule, Prefix& prefix) {
  auto first = rest.begin();
  const auto grammar = x3::with<prefix_tag>(std::ref(prefix))[rule];
  if (!x3::parse(first, rest.end(), grammar) || !is_nginx_level(prefix.level)) return false;
  rest.remove_prefix(static_cast<std::size_t>(first - rest.begin()));
  return true;
}

// Finds where the context starts: the first ", client: " from which the rest of the line reads
// as context (an earlier one may sit inside a file name or a request line). A few tries only,
// so that a huge line full of the marker stays linear.
bool parse_context(std::string_view text, std::size_t& start, Pairs& pairs) {
  constexpr int kMaxTries = 4;
  constexpr std::size_t kMaxPairs = 16;
  int tries = 0;
  for (std::size_t at = text.find(", client: "); at != std::string_view::npos && tries < kMaxTries;
       at = text.find(", client: ", at + 1), ++tries) {
    pairs.clear();
    std::string_view tail = text.substr(at);
    auto first = tail.begin();
    const auto grammar = x3::with<pairs_tag>(std::ref(pairs))[context_rule];
    // nginx writes at most about eight pairs; hundreds mean a crafted line, not context.
    if (x3::parse(first, tail.end(), grammar) && pairs.size() <= kMaxPairs) {
      start = at;
      return true;
    }
  }
  pairs.clear();
  return false;
}

// "connect() failed (111: Connection refused) while connecting to upstream": the errno and
// what nginx was doing, the two things that tell refused / timed out / closed apart.
void set_error_details(std::string_view what, Event& event) {
  const std::size_t open = what.find(" (");
  if (open != std::string_view::npos) {
    std::size_t i = open + 2;
    while (i < what.size() && what[i] >= '0' && what[i] <= '9') ++i;
    if (i > open + 2 && i + 1 < what.size() && what[i] == ':' && what[i + 1] == ' ') {
      event.set_field("errno", what.substr(open + 2, i - open - 2));
    }
  }
  const std::size_t action = what.rfind(" while ");
  if (action != std::string_view::npos) event.set_field("action", what.substr(action + 7));
}

// `nginx -t`'s verdict, written without a level: "nginx: configuration file
// /etc/nginx/nginx.conf test failed" (what an ExecStartPre failure leaves in the journal)
// or "nginx: the configuration file ... syntax is ok".
LineVerdict read_config_test(std::string_view line, Event& event) {
  constexpr std::string_view kPrefix = "nginx: ";
  if (!line.starts_with(kPrefix)) return LineVerdict::no_match;
  const std::string_view text = line.substr(kPrefix.size());
  if (!text.starts_with("configuration file ") && !text.starts_with("the configuration file ")) {
    return LineVerdict::no_match;
  }
  event.level = text.ends_with(" test failed") ? Level::error : Level::info;
  event.process = "nginx";
  event.source = SourceKind::proxy;
  event.message.assign(text);
  return LineVerdict::record;
}

class NginxErrorParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kNginxErrorInfo; }

  // The error log's stamp (digits first) or the binary's own "nginx: " lines. Stateless.
  bool may_start(std::string_view line) const override {
    return starts_with_digit(line) || line.starts_with("nginx: ");
  }
  StartBytes start_bytes() const override { return StartBytes{}.add_digits().add("n"); }

  LineVerdict parse_line(std::string_view line, Event& event, Event*) override {
    std::string_view rest = line;
    std::string_view stamp;
    Prefix prefix;
    if (grammar::slash_datetime(rest, event.time, stamp)) {
      if (!parse_prefix(rest, log_prefix, prefix)) return LineVerdict::no_match;
      event.time_text.assign(stamp);
      event.pid = prefix.pid;
      event.set_field("tid", std::to_string(prefix.tid));
      if (prefix.connection >= 0) {
        event.set_field("connection", std::to_string(prefix.connection));
      }
    } else {
      event.time = Timestamp{};
      if (!parse_prefix(rest, stderr_prefix, prefix)) return read_config_test(line, event);
    }
    event.level = level_from_string(prefix.level);
    event.process = "nginx";
    event.source = SourceKind::proxy;
    event.message.assign(rest);
    std::size_t context_start = rest.size();
    if (parse_context(rest, context_start, pairs_)) {
      for (const auto& [key, value] : pairs_) {
        // The access log spells it "referer" (the header's spelling); use one name for both.
        event.set_field(key == "referrer" ? std::string_view("referer") : key, value);
      }
    }
    set_error_details(rest.substr(0, context_start), event);
    return LineVerdict::record;
  }

 private:
  Pairs pairs_;
};

}  // namespace

void add_nginx_error_parser(ParserRegistry& registry) {
  registry.add(kNginxErrorInfo, [](const ParserOptions&) -> std::unique_ptr<EnvelopeParser> {
    return std::make_unique<NginxErrorParser>();
  });
}

}  // namespace logdx::proxy
