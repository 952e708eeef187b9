#include <cstdio>
#include <cstdlib>

#include "fuzz_input.hpp"

namespace logdx::fuzz {

void fail(const char* what) {
  std::fprintf(stderr, "fuzz check failed: %s\n", what);
  std::abort();
}

}  // namespace logdx::fuzz
