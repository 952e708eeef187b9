#pragma once
// The progress bar of `analyze` on stderr: bytes read of the inputs' total, rate and ETA,
// redrawn a few times a second by its own thread, shown only on a terminal, only once the work
// has taken about a second (LOGDX_PROGRESS_DELAY_MS changes that, for tests), never with
// --quiet. Readers only add to an atomic counter, so it costs them nothing measurable.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace logdx::cli {

struct ProgressFrame {
  std::uint64_t done = 0;
  std::uint64_t total = 0;  // 0: unknown (stdin, the journal)
  double seconds = 0;
};

// One line of the bar, without "\r": "[#####.....]  45%  120 MB of 260 MB  52 MB/s  ETA 3 s".
std::string render_progress(const ProgressFrame& frame, std::size_t width);

class ProgressMeter {
 public:
  // Starts drawing (when stderr is a terminal and `enabled`); `total` 0 when unknown.
  ProgressMeter(bool enabled, std::uint64_t total);
  ~ProgressMeter();  // stop()
  void stop();       // stops drawing and clears the line; idempotent
  ProgressMeter(const ProgressMeter&) = delete;
  ProgressMeter& operator=(const ProgressMeter&) = delete;

  void add(std::uint64_t bytes) { done_.fetch_add(bytes, std::memory_order_relaxed); }

 private:
  void run();

  std::uint64_t total_;
  std::atomic<std::uint64_t> done_{0};
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::chrono::milliseconds delay_{1000};
  bool drawn_ = false;
  bool stopping_ = false;
  std::mutex lock_;
  std::condition_variable wake_;
  std::thread drawer_;
};

// Bytes of the regular files among the inputs (what the bar counts towards).
std::uint64_t total_input_bytes(const std::vector<std::string>& paths);

}  // namespace logdx::cli
