#pragma once
// One problem seen many times is one finding: a rule's drafts whose key captures differ only
// in a volatile identity (a pid, a connection or request id, new on every occurrence) fold
// into one draft with the summed count, all their lines (the evidence shows the first and the
// last) and a note naming a few of the folded values. The kernel OOM killer killing `node`
// 240 times is one finding, not 240. Runs after joins, so each occurrence found its own
// partner first (docs/ranking.md, "Repeated findings").

#include <string_view>
#include <vector>

#include "analysis/draft.hpp"
#include "logdx/engine/compiled_rule.hpp"

namespace logdx::analysis {

// Whether a capture holds an identity that changes on every occurrence: `pid` or `*_pid`,
// `conn`, `conn_id`, `connection_id`, `request_id`, `req_id`, `trace_id`.
bool is_volatile_capture(std::string_view name);

// Folds `rule`'s drafts (in order of their first finding) that agree on every key capture
// that is not volatile, and on whether a join partner was found. A group of one is left as
// it is; a folded draft gets the fingerprint of its key with the volatile values left out.
void fold_volatile_drafts(const CompiledRule& rule, std::vector<Draft>& drafts);

}  // namespace logdx::analysis
