// DatabaseBlock: a Hyperscan database deserialized into memory logdx maps itself must scan like
// one in Hyperscan's own memory, refuse bytes that are not a database, and be released once.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

#include "prefilter/database_block.hpp"

#ifdef LOGDX_HAVE_HYPERSCAN
namespace {

using logdx::prefilter::DatabaseBlock;

std::string serialized_database(const char* pattern) {
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  REQUIRE(hs_compile(pattern, 0, HS_MODE_BLOCK, nullptr, &db, &error) == HS_SUCCESS);
  char* bytes = nullptr;
  size_t length = 0;
  REQUIRE(hs_serialize_database(db, &bytes, &length) == HS_SUCCESS);
  std::string out(bytes, length);
  std::free(bytes);
  hs_free_database(db);
  return out;
}

int count_matches(const hs_database_t* db, std::string_view text) {
  hs_scratch_t* scratch = nullptr;
  REQUIRE(hs_alloc_scratch(db, &scratch) == HS_SUCCESS);
  int hits = 0;
  auto on_match = [](unsigned, unsigned long long, unsigned long long, unsigned, void* context) {
    ++*static_cast<int*>(context);
    return 0;
  };
  REQUIRE(hs_scan(db, text.data(), static_cast<unsigned>(text.size()), 0, scratch, on_match,
                  &hits) == HS_SUCCESS);
  hs_free_scratch(scratch);
  return hits;
}

}  // namespace

TEST_CASE("a database deserialized into its own block scans like Hyperscan's own") {
  const std::string bytes = serialized_database("EADDRINUSE");
  DatabaseBlock block;
  hs_database_t* db = DatabaseBlock::deserialize(bytes, block);
  REQUIRE(db != nullptr);
  CHECK_FALSE(block.empty());
  CHECK(count_matches(db, "Error: listen EADDRINUSE: address already in use :::18789") == 1);
  CHECK(count_matches(db, "listening on ws://127.0.0.1:18789") == 0);

  SECTION("moving the block keeps the database where it is") {
    DatabaseBlock moved = std::move(block);
    CHECK(block.empty());
    CHECK_FALSE(moved.empty());
    CHECK(count_matches(db, "EADDRINUSE EADDRINUSE") == 2);
  }
}

TEST_CASE("bytes that are not a serialized database give no database and no block") {
  DatabaseBlock block;
  CHECK(DatabaseBlock::deserialize("not a Hyperscan database", block) == nullptr);
  CHECK(block.empty());
  std::string cut = serialized_database("oom-kill");
  cut.resize(cut.size() / 2);
  CHECK(DatabaseBlock::deserialize(cut, block) == nullptr);
  CHECK(block.empty());
}
#endif
