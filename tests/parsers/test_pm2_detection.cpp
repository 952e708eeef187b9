// Among the pm2 parsers, each sample is claimed best by its own parser: detection scores parsers
// by the lines they claim, so two pm2 shapes must not both claim each other's files. (Blank lines
// are skipped by pm2-logs whatever the file, so only records are compared.)

#include <catch2/catch.hpp>

#include "pm2_test_util.hpp"

using namespace logdx;
using namespace logdx::testing;

TEST_CASE("each pm2 sample is claimed most by its own pm2 parser", "[pm2]") {
  const std::array<const char*, 7> parsers = {
      "pm2-logs", "pm2-json", "pm2-format", "pm2-daemon", "pm2-app-time", "pm2-app-json", "pm2-ls"};
  struct Sample {
    const char* file;
    const char* owner;
  };
  for (const auto& [file, owner] : {
           Sample{"formats/pm2-logs-stream.log", "pm2-logs"},
           Sample{"formats/pm2-logs-timestamp.log", "pm2-logs"},
           Sample{"formats/pm2-logs-nostream-nocolor.log", "pm2-logs"},
           Sample{"formats/pm2-logs-json.log", "pm2-json"},
           Sample{"formats/pm2-logs-format.log", "pm2-format"},
           Sample{"formats/pm2-daemon-pm2log.log", "pm2-daemon"},
           Sample{"formats/pm2-app-error-time.log", "pm2-app-time"},
           Sample{"formats/pm2-app-out-logdateformat.log", "pm2-app-time"},
           Sample{"formats/pm2-app-logtype-json.log", "pm2-app-json"},
           Sample{"formats/pm2-app-error-json.log", "pm2-app-json"},
           Sample{"formats/pm2-app-out-json.log", "pm2-app-json"},
           Sample{"formats/pm2-ls.log", "pm2-ls"},
       }) {
    INFO(file);
    const std::string text = read_corpus_file(file);
    const std::size_t owner_records = run_parser(owner, text).events.size();
    CHECK(owner_records > 0);
    for (const char* name : parsers) {
      if (std::string_view(name) == owner) continue;
      INFO(name);
      const auto r = run_parser(name, text);
      // pm2-app-json reads the app lines of `pm2 logs --json` too (same keys), but not its
      // process events, so it stays behind; every other pair claims nothing of the other.
      if (std::string_view(owner) == "pm2-json" && std::string_view(name) == "pm2-app-json") {
        CHECK(r.events.size() < owner_records);
      } else {
        CHECK(r.events.empty());
      }
    }
  }
}
