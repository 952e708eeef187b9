#include "input/journal_source.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "input/journal_library.hpp"

namespace logdx {

std::string normalise_unit_name(const std::string& unit) {
  static constexpr const char* kSuffixes[] = {".service", ".socket", ".target", ".timer",
                                              ".scope",   ".slice",  ".mount",  ".path"};
  for (const char* suffix : kSuffixes) {
    const std::size_t n = std::strlen(suffix);
    if (unit.size() > n && unit.compare(unit.size() - n, n, suffix) == 0) return unit;
  }
  return unit + ".service";
}

namespace input {
namespace {

// Fields that name a unit, as `journalctl -u` looks for them: the unit's own processes, and
// what systemd (or the user manager) and systemd-coredump say about the unit.
constexpr const char* kUnitFields[] = {"_SYSTEMD_UNIT",       "UNIT",
                                       "OBJECT_SYSTEMD_UNIT", "COREDUMP_UNIT",
                                       "_SYSTEMD_USER_UNIT",  "USER_UNIT"};

bool needs_binary_form(std::string_view value) {
  return std::any_of(value.begin(), value.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b < 0x20 && c != '\t';
  });
}

void append_field(std::string& out, std::string_view key, std::string_view value) {
  out.append(key);
  if (!needs_binary_form(value)) {
    out += '=';
    out.append(value);
    out += '\n';
    return;
  }
  out += '\n';
  std::uint64_t size = value.size();
  for (int i = 0; i < 8; ++i) out += static_cast<char>((size >> (8 * i)) & 0xff);
  out.append(value);
  out += '\n';
}

}  // namespace

struct JournalSource::Handle {
  std::shared_ptr<const JournalLibrary> lib;
  sd_journal* journal = nullptr;
  ~Handle() {
    if (journal != nullptr) lib->close(journal);
  }
};

namespace {

void check(int rc, const std::string& name, const char* doing) {
  if (rc < 0) throw InputError(name, fmt::format("{}: {}", doing, std::strerror(-rc)));
}

sd_journal* open_journal(const JournalLibrary& lib, const JournalSelection& s,
                         const std::string& name) {
  sd_journal* j = nullptr;
  if (!s.files.empty()) {
    std::vector<const char*> paths;
    for (const auto& f : s.files) paths.push_back(f.c_str());
    paths.push_back(nullptr);
    check(lib.open_files(&j, paths.data(), 0), name, "cannot open the journal files");
  } else if (!s.directory.empty()) {
    check(lib.open_directory(&j, s.directory.c_str(), 0), name, "cannot open the journal folder");
  } else {
    check(lib.open(&j, SD_JOURNAL_LOCAL_ONLY), name, "cannot open the local journal");
  }
  return j;
}

void add_unit_matches(const JournalLibrary& lib, sd_journal* j, const JournalSelection& s,
                      const std::string& name) {
  for (const auto& unit : s.units) {
    const std::string full = normalise_unit_name(unit);
    for (const char* field : kUnitFields) {
      const std::string match = fmt::format("{}={}", field, full);
      check(lib.add_match(j, match.data(), match.size()), name, "bad unit match");
      check(lib.add_disjunction(j), name, "bad unit match");
    }
  }
  if (!s.units.empty()) {
    static constexpr std::string_view kKernel = "_TRANSPORT=kernel";
    check(lib.add_match(j, kKernel.data(), kKernel.size()), name, "bad kernel match");
  }
}

}  // namespace

JournalSource::JournalSource(const JournalSelection& selection, std::string name)
    : handle_(std::make_unique<Handle>()), name_(std::move(name)) {
  handle_->lib = JournalLibrary::load(name_);
  handle_->journal = open_journal(*handle_->lib, selection, name_);
  add_unit_matches(*handle_->lib, handle_->journal, selection, name_);
  check(handle_->lib->seek_head(handle_->journal), name_, "cannot seek the journal");
}

JournalSource::~JournalSource() = default;

void JournalSource::follow(const std::atomic<bool>* stop, std::chrono::milliseconds poll) {
  stop_ = stop;
  poll_ = poll;
  // sd-journal watches for new journal files only from its first get_fd/wait: ask now, so a
  // file that appears before the first wait is not missed.
  check(handle_->lib->get_fd(handle_->journal), name_, "cannot watch the journal");
}

bool JournalSource::next_entry() {
  const JournalLibrary& lib = *handle_->lib;
  sd_journal* j = handle_->journal;
  const int rc = lib.next(j);
  check(rc, name_, "cannot read the next journal entry");
  if (rc == 0) return false;
  char* cursor = nullptr;
  if (lib.get_cursor(j, &cursor) >= 0) {
    append_field(pending_, "__CURSOR", cursor);
    free(cursor);  // NOLINT: sd-journal allocates with malloc
  }
  std::uint64_t usec = 0;
  if (lib.get_realtime_usec(j, &usec) >= 0) {
    append_field(pending_, "__REALTIME_TIMESTAMP", std::to_string(usec));
  }
  sd_id128_t boot{};
  if (lib.get_monotonic_usec(j, &usec, &boot) >= 0) {
    append_field(pending_, "__MONOTONIC_TIMESTAMP", std::to_string(usec));
  }
  const void* data = nullptr;
  std::size_t size = 0;
  // SD_JOURNAL_FOREACH_DATA, through the loaded functions
  for (lib.restart_data(j); lib.enumerate_data(j, &data, &size) > 0;) {
    const std::string_view field(static_cast<const char*>(data), size);
    const std::size_t eq = field.find('=');
    if (eq == std::string_view::npos) continue;
    append_field(pending_, field.substr(0, eq), field.substr(eq + 1));
  }
  pending_ += '\n';
  return true;
}

std::size_t JournalSource::read(std::span<char> buffer) {
  while (pending_at_ == pending_.size()) {
    pending_.clear();
    pending_at_ = 0;
    // Fill at least one buffer's worth (or to the end), so reads stay large.
    while (pending_.size() < buffer.size() && next_entry()) {
    }
    if (!pending_.empty()) {
      idle_told_ = false;
      break;
    }
    if (stop_ == nullptr || stop_->load()) break;
    if (!idle_told_ && on_idle_) {
      idle_told_ = true;
      on_idle_();
    }
    // Following: wait for the journal to change; sd_journal_wait returns on a timeout too.
    handle_->lib->wait(handle_->journal, static_cast<std::uint64_t>(poll_.count()) * 1000);
  }
  const std::size_t n = std::min(buffer.size(), pending_.size() - pending_at_);
  std::memcpy(buffer.data(), pending_.data() + pending_at_, n);
  pending_at_ += n;
  return n;
}

}  // namespace input
}  // namespace logdx
