#include "input/host_folders.hpp"

#include <algorithm>
#include <filesystem>

namespace logdx::input {
namespace {

bool label_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

bool ipv6_address(std::string_view name) {
  return name.find(':') != std::string_view::npos &&
         name.find_first_not_of("0123456789abcdefABCDEF:.") == std::string_view::npos;
}

}  // namespace

bool host_like_name(std::string_view name) {
  if (name.empty() || name.size() > 253) return false;
  if (ipv6_address(name)) return true;
  std::size_t label = 0;
  for (const char c : name) {
    if (c == '.') {
      if (label == 0) return false;
      label = 0;
    } else if (!label_char(c) || ++label > 63) {
      return false;
    }
  }
  return label > 0;
}

void name_folder_hosts(std::string_view root, std::vector<ResolvedInput>::iterator first,
                       std::vector<ResolvedInput>::iterator last) {
  namespace fs = std::filesystem;
  fs::path base = fs::path(root).lexically_normal();
  if (!base.has_filename()) base = base.parent_path();  // "remote/" is "remote"
  std::for_each(first, last, [&base](ResolvedInput& input) {
    const fs::path below = fs::path(input.path).lexically_normal().lexically_relative(base);
    if (below.empty() || std::distance(below.begin(), below.end()) < 2) return;
    const std::string folder = below.begin()->string();
    if (folder != ".." && host_like_name(folder)) input.folder_host = folder;
  });
}

}  // namespace logdx::input
