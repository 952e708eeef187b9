# Sanitizer and fuzzing builds (scripts/test-sanitizers): the whole project, libraries and
# tests alike, is compiled with the sanitizers, so every CTest test runs under them.
#   LOGDX_SANITIZE=address,undefined  ASan + UBSan, any finding aborts the test
#   LOGDX_SANITIZE=thread             TSan, for the multi-threaded analyze tests
#   LOGDX_FUZZ=ON                     libFuzzer targets in tests/fuzz (clang only); the libraries
#                                     get coverage instrumentation so one build serves both
set(LOGDX_SANITIZE "" CACHE STRING "sanitizers to build with: address,undefined or thread")
option(LOGDX_FUZZ "Build the libFuzzer targets of tests/fuzz (needs clang)" OFF)

if(LOGDX_SANITIZE)
  add_compile_options(-fsanitize=${LOGDX_SANITIZE} -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${LOGDX_SANITIZE})
  # ASan describes every global (string literals included) in a table of pointers: a PIE
  # logdx had 177 000 relative relocations to apply at each start, against 2 000 without ASan.
  # Linked at a fixed address they are resolved by the linker: 5 860 -> 5 220 page faults per
  # one-line run, and the shell tests start ~2 000 of them. A test build needs no ASLR.
  if(LOGDX_SANITIZE MATCHES "address")
    add_link_options(-no-pie)
  endif()
endif()

if(LOGDX_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "LOGDX_FUZZ needs clang (libFuzzer): configure with CXX=clang++")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
