#pragma once
// Rotated sets read oldest first. Files in one folder that are rotations of the same log
// (x.log, x.log.1, x.log.2.gz, x.log.3.zst, x.log-20260305(.gz), pm2-logrotate's
// x__2026-03-05_00-00-00.log) are gathered at the place of the first of them and ordered
// dated ones by date, then numbered ones highest number first, then the live file. All other
// inputs keep their order.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "logdx/parsers/input_set.hpp"

namespace logdx::input {

struct RotationName {
  enum class Kind { dated, numbered, live };  // oldest kind first
  std::string base;                           // the live file's name: "x.log"
  Kind kind = Kind::live;
  std::string date;          // digits only, for dated
  std::uint64_t number = 0;  // for numbered
};

// Reads a file name (no folder), e.g. "x.log.2.gz" -> {"x.log", numbered, 2}.
RotationName parse_rotation_name(std::string_view file_name);

// Stable: only members of a rotated set move, next to the first member met.
void order_rotated_sets(std::vector<ResolvedInput>& inputs);

}  // namespace logdx::input
