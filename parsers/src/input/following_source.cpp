#include "logdx/parsers/following_source.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

#include "input/journal_files_follower.hpp"
#include "input/journal_source.hpp"

namespace logdx {
namespace {

// Calls the reader's idle callback once per quiet spell (after the first empty poll).
struct IdleNotice {
  std::function<void()> callback;
  bool told = false;
  void tick() {
    if (told || !callback) return;
    told = true;
    callback();
  }
  void reset() { told = false; }
};

class FollowingSource final : public ByteSource {
 public:
  FollowingSource(std::string path, std::string name, const FollowOptions& options,
                  const std::atomic<bool>& stop)
      : path_(std::move(path)), name_(std::move(name)), poll_(options.poll), stop_(stop) {
    open_at(options.start_offset);
  }
  ~FollowingSource() override {
    if (fd_ >= 0) ::close(fd_);
  }
  FollowingSource(const FollowingSource&) = delete;
  FollowingSource& operator=(const FollowingSource&) = delete;

  std::size_t read(std::span<char> buffer) override {
    for (;;) {
      if (fd_ >= 0) {
        const ssize_t got = ::read(fd_, buffer.data(), buffer.size());
        if (got > 0) {
          offset_ += static_cast<std::uint64_t>(got);
          idle_.reset();
          return static_cast<std::size_t>(got);
        }
        if (got < 0 && errno != EINTR) {
          throw InputError(name_,
                           fmt::format("read failed while following: {}", std::strerror(errno)));
        }
      }
      if (stop_.load()) return 0;
      if (!switch_file_if_needed()) {
        std::this_thread::sleep_for(poll_);
        idle_.tick();
      }
    }
  }

  void on_idle(std::function<void()> callback) override { idle_.callback = std::move(callback); }

 private:
  void open_at(std::uint64_t offset) {
    fd_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) return;  // between a rotation's rename and create: try again later
    struct stat st {};
    ::fstat(fd_, &st);
    inode_ = st.st_ino;
    device_ = st.st_dev;
    if (offset > static_cast<std::uint64_t>(st.st_size)) offset = 0;  // truncated meanwhile
    ::lseek(fd_, static_cast<off_t>(offset), SEEK_SET);
    offset_ = offset;
  }

  // At the end of the open file: a new file at the path (rotation) or a shorter one
  // (truncation) is read from its start. True when it switched.
  bool switch_file_if_needed() {
    struct stat at_path {};
    if (::stat(path_.c_str(), &at_path) != 0) return false;  // rotated away, not yet recreated
    if (fd_ < 0 || at_path.st_ino != inode_ || at_path.st_dev != device_) {
      if (fd_ >= 0) ::close(fd_);
      open_at(0);
      return fd_ >= 0;
    }
    if (static_cast<std::uint64_t>(at_path.st_size) < offset_) {
      ::lseek(fd_, 0, SEEK_SET);
      offset_ = 0;
      return true;
    }
    return false;
  }

  std::string path_;
  std::string name_;
  std::chrono::milliseconds poll_;
  const std::atomic<bool>& stop_;
  IdleNotice idle_;
  int fd_ = -1;
  ino_t inode_ = 0;
  dev_t device_ = 0;
  std::uint64_t offset_ = 0;
};

}  // namespace

std::unique_ptr<ByteSource> open_following_source(const std::string& path, std::string name,
                                                  const FollowOptions& options,
                                                  const std::atomic<bool>& stop) {
  return std::make_unique<FollowingSource>(path, std::move(name), options, stop);
}

}  // namespace logdx

namespace logdx {
namespace {

// Standard input read with poll(2), so a stop is seen while nothing arrives.
class FollowingStdin final : public ByteSource {
 public:
  FollowingStdin(std::string name, std::chrono::milliseconds poll, const std::atomic<bool>& stop)
      : name_(std::move(name)), poll_(poll), stop_(stop) {}

  std::size_t read(std::span<char> buffer) override {
    while (!stop_.load()) {
      pollfd fd{STDIN_FILENO, POLLIN, 0};
      const int ready = ::poll(&fd, 1, static_cast<int>(poll_.count()));
      if (ready < 0 && errno != EINTR) {
        throw InputError(name_, fmt::format("poll failed: {}", std::strerror(errno)));
      }
      if (ready <= 0) {
        idle_.tick();
        continue;
      }
      const ssize_t got = ::read(STDIN_FILENO, buffer.data(), buffer.size());
      idle_.reset();
      if (got >= 0) return static_cast<std::size_t>(got);  // 0: the writer closed the pipe
      if (errno != EINTR && errno != EAGAIN) {
        throw InputError(name_, fmt::format("read failed: {}", std::strerror(errno)));
      }
    }
    return 0;
  }

  void on_idle(std::function<void()> callback) override { idle_.callback = std::move(callback); }

 private:
  std::string name_;
  std::chrono::milliseconds poll_;
  const std::atomic<bool>& stop_;
  IdleNotice idle_;
};

}  // namespace

std::unique_ptr<ByteSource> open_following_stdin(std::string name, const FollowOptions& options,
                                                 const std::atomic<bool>& stop) {
  return std::make_unique<FollowingStdin>(std::move(name), options.poll, stop);
}

std::unique_ptr<ByteSource> open_following_journal(const ResolvedInput& input,
                                                   const FollowOptions& options,
                                                   const std::atomic<bool>& stop) {
  const JournalSelection& selection = *input.journal;
  if (!selection.directory.empty() || !selection.files.empty()) {
    return std::make_unique<input::JournalFilesFollower>(selection, input.display_name, stop,
                                                         options.poll);
  }
  auto source = std::make_unique<input::JournalSource>(selection, input.display_name);
  source->follow(&stop, options.poll);
  return source;
}

}  // namespace logdx
