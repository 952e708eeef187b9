#pragma once
// A restart loop (or one failed exit: a warning tagged `failed-exit`, or of cause `app_exit`)
// whose cause no rule found still has the best clue in the log: what the app printed last before
// each exit (`Error: Cannot find module`, a Python traceback's last line, `Permission denied`).
// Context rules (`report: false`) mark such lines; this picks those of the loop's subject and
// shows them with the loop.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/draft.hpp"
#include "logdx/engine/diagnosis.hpp"

namespace logdx::analysis {

// Loop fingerprint -> the events of its last words, in input and line order.
using LastWordsByLoop = std::unordered_map<std::string, std::vector<std::uint32_t>>;

inline constexpr std::size_t kLastWordsMax = 3;

// For every draft of a restart_loop_* rule, or of a failed-exit or app_exit rule at warning or
// worse: the context events on its input and of its subject (app, unit, container or pid; a
// line that names no subject counts), the last one before each of the loop's lines, newest
// first, one per distinct message, at most `limit`.
LastWordsByLoop find_last_words(const std::vector<CompiledRule>& rules,
                                const std::vector<std::vector<Draft>>& drafts,
                                const std::vector<std::uint32_t>& context_hits,
                                const KeptEvents& events, const KeptHits& hits,
                                std::size_t limit = kLastWordsMax);

// Adds the last words to each root loop or exit diagnosis (one folded under a cause has its
// explanation already) as evidence, with a note saying what these lines are.
void attach_last_words(std::vector<Diagnosis>& roots, const LastWordsByLoop& words,
                       const KeptEvents& events);

}  // namespace logdx::analysis
