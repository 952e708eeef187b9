// `docker ps` (and `docker compose ps`) tables: a header naming the columns, then one row per
// container. Columns are read at the header's offsets, counted in characters as Docker's
// tabwriter aligns them (the `…` of a cut COMMAND is one column, three bytes). Rows seen
// without their header (the reader's per-line fallback) or out of line with it are split on
// runs of two spaces or more.

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "docker/docker_parsers.hpp"
#include "docker/docker_text.hpp"

namespace logdx::docker {
namespace {

const ParserInfo kPsInfo{"docker-ps",
                         "docker ps table: `CONTAINER ID   IMAGE ... STATUS ... NAMES`",
                         SourceKind::docker, 70, false};

// Header titles and the field each column goes to.
struct Column {
  std::string_view title;
  std::string_view field;
};
constexpr std::array<Column, 10> kColumns = {{{"CONTAINER ID", "container_id"},
                                              {"IMAGE", "image"},
                                              {"COMMAND", "command"},
                                              {"CREATED", "created"},
                                              {"STATUS", "status"},
                                              {"PORTS", "ports"},
                                              {"NAMES", "name"},
                                              {"NAME", "name"},
                                              {"SERVICE", "service"},
                                              {"SIZE", "size"}}};

struct Cell {
  std::size_t start = 0;  // in characters
  std::string_view field;
};

bool is_hex_id(std::string_view s) {
  if (s.size() != 12 && s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// Byte offset of character `chars` in UTF-8 text; a stray byte counts as one character.
std::size_t byte_offset(std::string_view s, std::size_t chars) {
  std::size_t i = 0;
  while (i < s.size() && chars > 0) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    --chars;
  }
  return i;
}

// Reads a header line into cells; false if it is not a container table header.
bool read_header(std::string_view line, std::vector<Cell>& cells) {
  cells.clear();
  std::size_t pos = 0;
  bool has_status = false;
  while (pos < line.size()) {
    while (pos < line.size() && line[pos] == ' ') ++pos;
    if (pos >= line.size()) break;
    const Column* match = nullptr;
    for (const auto& c : kColumns) {
      const std::string_view at = line.substr(pos, c.title.size());
      const std::size_t after = pos + c.title.size();
      if (at == c.title && (after == line.size() || line[after] == ' ')) {
        match = &c;
        break;
      }
    }
    if (match == nullptr) return false;
    cells.push_back({pos, match->field});
    has_status = has_status || match->field == "status";
    pos += match->title.size();
  }
  return has_status && cells.size() >= 3 &&
         (cells[0].field == "container_id" || cells[0].field == "name");
}

// `Exited (1) 3 minutes ago`, `Restarting (78) 8 seconds ago`: the code in parentheses.
void read_status(std::string_view status, Event& event) {
  const std::size_t open = status.find(" (");
  const std::size_t close = status.find(')');
  if ((status.starts_with("Exited (") || status.starts_with("Restarting (")) &&
      open != std::string_view::npos && close != std::string_view::npos && close > open + 2) {
    event.set_field("exit_code", status.substr(open + 2, close - open - 2));
  }
  if (status.find("(unhealthy)") != std::string_view::npos) event.set_field("health", "unhealthy");
  if (status.find("(healthy)") != std::string_view::npos) event.set_field("health", "healthy");
  if (status.find("(health: starting)") != std::string_view::npos) {
    event.set_field("health", "starting");
  }
}

class PsParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kPsInfo; }

  LineVerdict parse_line(std::string_view line, Event& event, Event*) override {
    std::vector<Cell> header;
    if (read_header(line, header)) {
      cells_ = std::move(header);
      return LineVerdict::skip;
    }
    // A scratch event, so that a failed aligned read leaves nothing behind. Hand-made or
    // pasted tables are not always aligned; such rows are split on runs of spaces instead.
    Event row;
    if (cells_.empty() || !read_row(line, row)) {
      row = Event{};
      if (!read_unaligned_row(line, row)) return LineVerdict::no_match;
    }
    event.unit = std::move(row.unit);
    event.fields = std::move(row.fields);
    const auto status = event.field("status");
    if (!status || status->empty() || event.unit.empty()) return LineVerdict::no_match;
    read_status(*status, event);
    event.message.assign(trim_spaces(line));
    event.source = SourceKind::docker;
    return LineVerdict::record;
  }

  // Without a header only a header ("CONTAINER ID ...", "NAME ...") or a row led by a
  // container id can be read; every plain-text line and prefix boundary is offered here.
  bool may_start(std::string_view line) const override {
    if (!cells_.empty()) return true;
    const std::string_view rest = trim_spaces(line);
    if (rest.starts_with("CONTAINER ID") || rest.starts_with("NAME")) return true;
    return is_hex_id(rest.substr(0, rest.find(' ')));
  }

  // A header ("CONTAINER ID", "NAME") or a hex container id, after blanks.
  StartBytes start_bytes() const override {
    return StartBytes{}.add_digits().add(" CNabcdefABCDEF");
  }

  void reset() override { cells_.clear(); }

 private:
  bool read_row(std::string_view line, Event& event) const {
    if (line.empty() || line.front() == ' ') return false;
    for (std::size_t i = 0; i < cells_.size(); ++i) {
      const std::size_t from = byte_offset(line, cells_[i].start);
      const std::size_t to =
          i + 1 < cells_.size() ? byte_offset(line, cells_[i + 1].start) : line.size();
      // A cell must begin at its column: the character before it is padding.
      if (from > 0 && from < line.size() && line[from - 1] != ' ') return false;
      const std::string_view value = trim_spaces(line.substr(from, to - from));
      if (cells_[i].field == "container_id" && !is_hex_id(value)) return false;
      if (cells_[i].field == "name") {
        if (value.find(' ') != std::string_view::npos) return false;
        event.unit.assign(value);
      }
      if (!value.empty()) event.set_field(cells_[i].field, value);
    }
    return true;
  }

  // Without a header: `<id>   <image>   "<command>"   <created>   <status>   [ports]   <name>`,
  // cells separated by two spaces or more; status is the cell that reads like one.
  static bool read_unaligned_row(std::string_view line, Event& event) {
    std::vector<std::string_view> parts;
    std::string_view rest = line;
    while (!(rest = trim_spaces(rest)).empty()) {
      const std::size_t gap = rest.find("  ");
      parts.push_back(rest.substr(0, gap));
      if (gap == std::string_view::npos) break;
      rest.remove_prefix(gap);
    }
    if (parts.size() < 5 || !is_hex_id(parts[0])) return false;
    event.set_field("container_id", parts[0]);
    event.set_field("image", parts[1]);
    std::size_t status = 0;
    for (std::size_t i = 2; i + 1 < parts.size() && status == 0; ++i) {
      const std::string_view p = parts[i];
      if (p.starts_with("Up ") || p.starts_with("Exited (") || p.starts_with("Restarting (") ||
          p == "Created" || p.starts_with("Paused") || p == "Dead") {
        status = i;
      }
    }
    if (status == 0) return false;
    event.set_field("status", parts[status]);
    if (status >= 4) {
      event.set_field("command", parts[2]);
      event.set_field("created", parts[3]);
    }
    if (status + 2 == parts.size() - 1) event.set_field("ports", parts[status + 1]);
    event.unit.assign(parts.back());
    event.set_field("name", parts.back());
    return true;
  }

  std::vector<Cell> cells_;  // the last header's columns
};

}  // namespace

void add_ps_parser(ParserRegistry& registry) {
  registry.add(kPsInfo, [](const ParserOptions&) -> std::unique_ptr<EnvelopeParser> {
    return std::make_unique<PsParser>();
  });
}

}  // namespace logdx::docker
