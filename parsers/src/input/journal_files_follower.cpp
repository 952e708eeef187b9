#include "input/journal_files_follower.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <thread>

namespace logdx::input {
namespace {

constexpr std::uint64_t kWaitsPerLook = 10;

bool machine_id(std::string_view name) {
  return name.size() == 32 && name.find_first_not_of("0123456789abcdef") == std::string::npos;
}

void list_journal_files(const std::filesystem::path& folder, bool descend,
                        std::vector<std::string>& out) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::error_code type_ec;
    if (descend && machine_id(name) && it->is_directory(type_ec)) {
      list_journal_files(it->path(), false, out);
    } else if (name.ends_with(".journal") && it->is_regular_file(type_ec)) {
      out.push_back(it->path().string());
    }
  }
}

}  // namespace

std::vector<std::string> journal_files_in(const std::string& folder) {
  std::vector<std::string> files;
  list_journal_files(folder, true, files);
  const auto archived = [](const std::string& path) {
    return std::filesystem::path(path).filename().string().find('@') != std::string::npos;
  };
  std::sort(files.begin(), files.end(), [&](const std::string& a, const std::string& b) {
    return std::pair(!archived(a), a) < std::pair(!archived(b), b);
  });
  return files;
}

JournalFilesFollower::JournalFilesFollower(JournalSelection selection, std::string name,
                                           const std::atomic<bool>& stop,
                                           std::chrono::milliseconds poll)
    : selection_(std::move(selection)), name_(std::move(name)), stop_(stop), poll_(poll) {
  look_again();
}

void JournalFilesFollower::look_again() {
  std::vector<std::string> paths = selection_.files;
  if (!selection_.directory.empty()) {
    for (auto& path : journal_files_in(selection_.directory)) paths.push_back(std::move(path));
  }
  std::set<FileKey> present;
  for (auto& path : paths) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) continue;
    const FileKey key{st.st_dev, st.st_ino};
    present.insert(key);
    if (known_.count(key) != 0) continue;  // followed already (an archived file is renamed)
    JournalSelection one;
    one.files = {path};
    one.units = selection_.units;
    try {
      members_.push_back({key, std::make_unique<JournalSource>(one, name_), false});
    } catch (const InputError&) {
      continue;  // a file still being created: its header is not there yet; next look
    }
    known_.insert(key);
  }
  // A file deleted (journal-remote's vacuuming) is closed once read to its end, so its space is
  // freed; its inode may then name a new file.
  for (Member& member : members_) member.gone = present.count(member.key) == 0;
}

std::size_t JournalFilesFollower::read(std::span<char> buffer) {
  bool idle_told = false;
  while (!stop_.load()) {
    // A member mid-entry is read on (its entry's bytes must not be cut by another's); else
    // each member in order, so a folder's archived files come before its live ones.
    for (std::size_t quiet = 0; quiet < members_.size();) {
      Member& member = members_[current_];
      if (const std::size_t n = member.source->read(buffer); n > 0) return n;
      if (member.gone) {  // at its end after it went: nothing more can come
        known_.erase(member.key);
        members_.erase(members_.begin() + static_cast<std::ptrdiff_t>(current_));
      } else {
        ++quiet;
        ++current_;
      }
      if (current_ >= members_.size()) current_ = 0;
    }
    if (!idle_told && on_idle_) {
      idle_told = true;
      on_idle_();
    }
    std::this_thread::sleep_for(poll_);
    // The files are looked at again about once a second: a new host is seen soon, and a folder
    // of many hosts is not listed ten times a second.
    if (++waits_ % kWaitsPerLook == 0) look_again();
  }
  return 0;
}

}  // namespace logdx::input
