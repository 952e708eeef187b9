#pragma once
// The systemd journal as a ByteSource: sd-journal entries written out in journalctl's export
// format (KEY=value lines, binary-safe KEY\n<le64 size><data>\n for values with newlines or
// control bytes, a blank line after each entry), in bounded chunks.

#include <atomic>
#include <chrono>
#include <memory>
#include <string>

#include "logdx/parsers/byte_source.hpp"
#include "logdx/parsers/journal_selection.hpp"

namespace logdx::input {

class JournalSource final : public ByteSource {
 public:
  // Throws InputError when the journal cannot be opened or a unit match is refused.
  JournalSource(const JournalSelection& selection, std::string name);
  // --follow: at the end, wait for new entries (polling every `poll`) until `stop` is set.
  void follow(const std::atomic<bool>* stop, std::chrono::milliseconds poll);
  ~JournalSource() override;
  JournalSource(const JournalSource&) = delete;
  JournalSource& operator=(const JournalSource&) = delete;

  std::size_t read(std::span<char> buffer) override;
  void on_idle(std::function<void()> callback) override { on_idle_ = std::move(callback); }

 private:
  bool next_entry();  // appends one entry to pending_; false at the end

  struct Handle;
  std::unique_ptr<Handle> handle_;
  std::string name_;
  std::string pending_;
  std::size_t pending_at_ = 0;
  const std::atomic<bool>* stop_ = nullptr;
  std::chrono::milliseconds poll_{200};
  std::function<void()> on_idle_;
  bool idle_told_ = false;  // the reader heard of this quiet spell already
};

}  // namespace logdx::input
