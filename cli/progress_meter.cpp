#include "progress_meter.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include <fmt/format.h>

#include "logdx/parsers/input_set.hpp"
#include "text_table.hpp"

namespace logdx::cli {
namespace {

constexpr std::chrono::milliseconds kRedraw{200};
constexpr double kMiB = 1024.0 * 1024.0;

std::string megabytes(std::uint64_t bytes) { return fmt::format("{:.0f} MB", bytes / kMiB); }

std::chrono::milliseconds delay_from_environment() {
  if (const char* text = std::getenv("LOGDX_PROGRESS_DELAY_MS")) {
    return std::chrono::milliseconds(std::strtol(text, nullptr, 10));
  }
  return std::chrono::milliseconds(1000);
}

}  // namespace

std::string render_progress(const ProgressFrame& f, std::size_t width) {
  const double rate = f.seconds > 0 ? f.done / kMiB / f.seconds : 0;
  if (f.total == 0) {
    return fmt::format("{} read, {:.0f} MB/s", megabytes(f.done), rate);
  }
  const double share = std::min(1.0, static_cast<double>(f.done) / static_cast<double>(f.total));
  std::string tail = fmt::format("  {:3.0f}%  {} of {}  {:.0f} MB/s", share * 100,
                                 megabytes(f.done), megabytes(f.total), rate);
  if (rate > 0 && share < 1.0) {
    tail += fmt::format("  ETA {:.0f} s", (f.total - std::min(f.done, f.total)) / kMiB / rate);
  }
  const std::size_t bar = width >= 80 ? 30 : 10;  // fixed, so the bar does not jump
  const auto filled = static_cast<std::size_t>(share * static_cast<double>(bar));
  return "[" + std::string(filled, '#') + std::string(bar - filled, '.') + "]" + tail;
}

ProgressMeter::ProgressMeter(bool enabled, std::uint64_t total)
    : total_(total), delay_(delay_from_environment()) {
  if (enabled && isatty(STDERR_FILENO) != 0) drawer_ = std::thread([this] { run(); });
}

ProgressMeter::~ProgressMeter() { stop(); }

void ProgressMeter::stop() {
  {
    const std::lock_guard hold(lock_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (drawer_.joinable()) drawer_.join();
}

void ProgressMeter::run() {
  std::unique_lock hold(lock_);
  if (wake_.wait_for(hold, delay_, [this] { return stopping_; })) return;  // done quickly
  const std::size_t width = std::max<std::size_t>(40, output_width() > 0 ? output_width() : 80);
  do {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    const std::string line = render_progress({done_.load(), total_, seconds}, width - 1);
    std::fprintf(stderr, "\r%s\x1b[K", line.c_str());
    std::fflush(stderr);
    drawn_ = true;
  } while (!wake_.wait_for(hold, kRedraw, [this] { return stopping_; }));
  if (drawn_) {
    std::fputs("\r\x1b[K", stderr);  // the bar goes; the result follows on stdout
    std::fflush(stderr);
  }
}

std::uint64_t total_input_bytes(const std::vector<std::string>& paths) {
  if (paths.empty()) return 0;
  std::uint64_t total = 0;
  for (const ResolvedInput& input : resolve_inputs(paths).inputs) {
    if (input.is_stdin) return 0;  // unknown: show bytes and rate only
    std::error_code ignored;
    const auto size = std::filesystem::file_size(input.path, ignored);
    if (!ignored) total += size;
  }
  return total;
}

}  // namespace logdx::cli
