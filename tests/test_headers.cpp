// The unit that owns the test binaries' shared precompiled header (tests/CMakeLists.txt,
// logdx_test_headers): catch.hpp and fmt come in through it, so this file needs nothing of its own.
