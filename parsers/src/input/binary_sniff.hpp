#pragma once
// Binary detection, on the first 8 KiB of the DECOMPRESSED content, so a .gz/.zst log counts
// as text and a gzipped core dump not. Not "any NUL byte": text logs can hold a few binary
// bytes (journal export's binary fields, a NUL run a crash left), so it is the share of
// control bytes that decides.

#include <cstddef>
#include <string_view>

#include "logdx/parsers/input_set.hpp"

namespace logdx::input {

constexpr std::size_t kBinarySniffBytes = 8 * 1024;

// Throws InputError when the input cannot be opened or its first bytes read (that is an
// unreadable input). A decompression error later in the window is not: what was decoded
// is judged, and the reader reports the error when it gets there.
bool looks_binary(const ResolvedInput& input);

// True when more than 3 % of `head` are control bytes other than tab, newline, CR, form feed
// and ESC (ANSI colours are text). Random bytes score about 10 %, journal export about 0.3 %.
bool looks_binary_bytes(std::string_view head);

}  // namespace logdx::input
