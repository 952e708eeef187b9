#pragma once
// The fix renderer's name for logdx::shell_quote (the public header has the contract).

#include "logdx/engine/shell_quote.hpp"

namespace logdx::analysis {
using logdx::shell_quote;
}  // namespace logdx::analysis
