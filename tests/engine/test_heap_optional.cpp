// HeapOptional (heap_optional.hpp): std::optional's interface with the value behind one
// pointer; copies are deep, so a RuleDef copied for an override never shares its match.
#include <catch2/catch.hpp>
#include <string>

#include "logdx/engine/heap_optional.hpp"
#include "logdx/engine/rule_file.hpp"

using logdx::HeapOptional;

TEST_CASE("HeapOptional starts empty and holds what it is given") {
  HeapOptional<std::string> none;
  CHECK_FALSE(none.has_value());
  CHECK_FALSE(static_cast<bool>(none));
  HeapOptional<std::string> from_nullopt = std::nullopt;
  CHECK_FALSE(from_nullopt);
  HeapOptional<std::string> empty_optional = std::optional<std::string>();
  CHECK_FALSE(empty_optional);
  HeapOptional<std::string> value = std::string("listen EADDRINUSE :18789");
  REQUIRE(value);
  CHECK(*value == "listen EADDRINUSE :18789");
  CHECK(value->size() == 24);
  HeapOptional<std::string> from_optional = std::optional<std::string>("ECONNREFUSED");
  REQUIRE(from_optional);
  CHECK(*from_optional == "ECONNREFUSED");
}

TEST_CASE("HeapOptional copies its value, moves its pointer") {
  HeapOptional<std::string> a = std::string("a long enough text to live on the heap itself");
  HeapOptional<std::string> copy = a;
  REQUIRE(copy);
  CHECK(*copy == *a);
  CHECK(&*copy != &*a);  // deep: changing one leaves the other
  *copy += "!";
  CHECK(a->back() == 'f');
  const std::string* held = &*a;
  HeapOptional<std::string> moved = std::move(a);
  CHECK(&*moved == held);
  copy = moved;
  CHECK(*copy == *moved);
  // Self-assignment keeps the value. Through a reference, since clang's -Wself-assign-overloaded
  // (an error under -Werror in the sanitizer build) refuses `copy = copy` written out.
  const HeapOptional<std::string>& same = copy;
  copy = same;
  CHECK(*copy == *moved);
  HeapOptional<std::string> none;
  copy = none;
  CHECK_FALSE(copy);
}

TEST_CASE("HeapOptional emplace and reset") {
  HeapOptional<std::string> v;
  v.emplace(3, 'x');
  CHECK(*v == "xxx");
  v.emplace("y");
  CHECK(*v == "y");
  v.reset();
  CHECK_FALSE(v.has_value());
}

TEST_CASE("a RuleDef copy owns its match and correlate") {
  logdx::RuleDef def;
  def.match.emplace().field = "raw";
  def.correlate.emplace().count = 3;
  logdx::RuleDef copy = def;
  copy.match->field = "unit";
  copy.correlate->count = 5;
  CHECK(def.match->field == "raw");
  CHECK(def.correlate->count == 3);
  CHECK(copy.is_stub() == false);
}
