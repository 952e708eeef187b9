#pragma once
// Binary detection for inputs found by folder walks and globs: a NUL byte in the first 8 KiB
// of the DECOMPRESSED content, so a .gz/.zst log counts as text and a gzipped core dump not.

#include <cstddef>

#include "logdx/parsers/input_set.hpp"

namespace logdx::input {

constexpr std::size_t kBinarySniffBytes = 8 * 1024;

// Throws InputError when the input cannot be opened or its first bytes read (that is an
// unreadable input). A decompression error later in the window is not: what was decoded
// is judged, and the reader reports the error when it gets there.
bool looks_binary(const ResolvedInput& input);

}  // namespace logdx::input
