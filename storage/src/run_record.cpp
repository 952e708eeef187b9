#include "logdx/storage/run_record.hpp"

#include <algorithm>

namespace logdx::storage {

std::string input_set(const std::vector<RunInput>& inputs) {
  std::vector<std::string> hashes;
  for (const RunInput& in : inputs) {
    if (!in.content_hash.empty()) hashes.push_back(in.content_hash);
  }
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  std::string out;
  for (const std::string& h : hashes) {
    if (!out.empty()) out += ' ';
    out += h;
  }
  return out;
}

}  // namespace logdx::storage
