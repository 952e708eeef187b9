#include "parallel_analyze.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace logdx::cli {
namespace {

// What one input gave: its summary, its diagnostics and the analyzer part that saw it.
struct InputResult {
  InputSummary summary;
  std::vector<ReaderDiagnostic> diagnostics;
  std::unique_ptr<Analyzer> part;
};

// The caller's analysed(): it is shared by the workers, so it runs under one lock — taken
// only when there is more than one worker (the per-event hot path of the usual one-input run
// pays nothing for it).
class Analysed {
 public:
  Analysed(const AnalyzeRead& read, bool shared) : read_(read), shared_(shared) {}
  void operator()(const Event& e) {
    if (!read_.analysed) return;
    if (!shared_) return read_.analysed(e);
    const std::lock_guard<std::mutex> hold(lock_);
    read_.analysed(e);
  }

 private:
  const AnalyzeRead& read_;
  bool shared_;
  std::mutex lock_;
};

// One input into its own Analyzer part: the reader's buffers go to the part's prefilter
// before their events (Analyzer::scan), every event to the part's front door.
void read_one(const AnalyzeRead& read, const EventReader& reader, const ResolvedInput& input,
              std::size_t index, Analysed& analysed, InputResult& out) {
  out.part = std::make_unique<Analyzer>(read.rules, read.options);
  Analyzer& part = *out.part;
  part.begin_input();
  const LineReader::Observer observer = [&part, &read](std::string_view lines,
                                                       std::uint64_t offset) {
    part.scan(lines, offset);
    if (read.progress != nullptr) read.progress->add(lines.size());
  };
  const EventReader::Sink sink = [&](Event&& e) {
    if (part.add(e, index)) analysed(e);
  };
  out.summary = reader.read(input, sink, out.diagnostics, observer);
}

}  // namespace

ReadOutcome analyze_inputs(const AnalyzeRead& read, Analyzer& analyzer) {
  ReadOutcome outcome;
  std::vector<ResolvedInput> inputs = resolve_reported(read.inputs, read.registry, outcome);
  if (read.skip_live) {
    std::erase_if(inputs, [](const ResolvedInput& in) { return in.is_stdin || in.journal; });
  }
  const EventReader reader(read.registry, read.inputs.reader_options());
  std::vector<InputResult> results(inputs.size());
  std::vector<char> done(inputs.size(), 0);
  std::size_t merged = 0;  // inputs before this one are merged (under `merge_lock`)
  std::mutex merge_lock;
  // Parts are merged as soon as every input before them is, so at most the parts of inputs
  // still being read (or waiting on an earlier one) are held, each under its per-rule cap.
  auto finish_input = [&](std::size_t i) {
    const std::lock_guard<std::mutex> hold(merge_lock);
    done[i] = 1;
    for (; merged < inputs.size() && done[merged] != 0; ++merged) {
      InputResult& r = results[merged];
      outcome.summaries.push_back(std::move(r.summary));
      report_diagnostics(r.diagnostics, outcome);
      analyzer.merge(std::move(*r.part));
      r = InputResult{};
    }
  };
  std::vector<std::exception_ptr> errors(std::max(1U, read.jobs));
  const std::size_t workers = std::min<std::size_t>(errors.size(), inputs.size());
  Analysed analysed(read, workers > 1);
  std::atomic<std::size_t> next{0};
  auto work = [&](std::size_t worker) {
    try {
      for (std::size_t i; (i = next.fetch_add(1)) < inputs.size();) {
        read_one(read, reader, inputs[i], i, analysed, results[i]);
        finish_input(i);
      }
    } catch (...) {
      errors[worker] = std::current_exception();
      next = inputs.size();  // the others stop after their current input
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t w = 1; w < workers; ++w) threads.emplace_back(work, w);
  work(0);
  for (auto& t : threads) t.join();
  for (const auto& e : errors) {
    if (e) std::rethrow_exception(e);
  }
  return outcome;
}

}  // namespace logdx::cli
