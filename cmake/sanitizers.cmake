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
endif()

if(LOGDX_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "LOGDX_FUZZ needs clang (libFuzzer): configure with CXX=clang++")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
