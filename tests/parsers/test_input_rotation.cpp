// parse_rotation_name: which file names are rotations of which live file.

#include <catch2/catch.hpp>

#include "input/rotation_order.hpp"

namespace logdx::input {
namespace {

using Kind = RotationName::Kind;

TEST_CASE("rotation names: numbered, compressed, dateext and pm2-logrotate", "[input]") {
  const auto numbered = parse_rotation_name("x.log.2.gz");
  CHECK(numbered.base == "x.log");
  CHECK(numbered.kind == Kind::numbered);
  CHECK(numbered.number == 2);
  CHECK(parse_rotation_name("x.log.3.zst").number == 3);
  CHECK(parse_rotation_name("x.log.1").base == "x.log");
  const auto dated = parse_rotation_name("x.log-20260305.gz");
  CHECK(dated.base == "x.log");
  CHECK(dated.kind == Kind::dated);
  CHECK(dated.date == "20260305");
  CHECK(parse_rotation_name("syslog-2026-03-05").date == "20260305");
  const auto pm2 = parse_rotation_name("gateway-out__2026-03-05_00-00-00.log");
  CHECK(pm2.base == "gateway-out.log");
  CHECK(pm2.kind == Kind::dated);
  CHECK(pm2.date == "20260305000000");
}

TEST_CASE("rotation names: ordinary names are live files of themselves", "[input]") {
  for (const char* name : {"x.log", "x.log.gz", "app-v2.log", "node-18789.log", ".1", "a-1234"}) {
    const auto parsed = parse_rotation_name(name);
    INFO(name);
    CHECK(parsed.kind == Kind::live);
  }
  CHECK(parse_rotation_name("x.log.gz").base == "x.log");
  CHECK(parse_rotation_name("report.123456").kind == Kind::live);  // too long for a rotation count
}

}  // namespace
}  // namespace logdx::input
