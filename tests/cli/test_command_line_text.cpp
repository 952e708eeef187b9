// The command line the history records and shows: `logdx ...`, never the binary's path.
#include <catch2/catch.hpp>

#include "command_line_text.hpp"

using namespace logdx::cli;

TEST_CASE("a run is recorded as logdx, not the path the shell found it at", "[history]") {
  CHECK(recorded_command_line({"/home/ann/src/logdx/build/logdx", "analyze", "gateway.log"}) ==
        "logdx analyze gateway.log");
  CHECK(recorded_command_line({"logdx", "analyze", "my log.txt"}) == "logdx analyze 'my log.txt'");
  CHECK(recorded_command_line({}).empty());
}

TEST_CASE("a command stored with a path is shown without it", "[history]") {
  CHECK(shown_command_line("build/logdx analyze --no-user-rules x.log") ==
        "logdx analyze --no-user-rules x.log");
  CHECK(shown_command_line("'/opt/my tools/logdx' analyze x.log") == "logdx analyze x.log");
  CHECK(shown_command_line("logdx analyze /var/log/syslog") == "logdx analyze /var/log/syslog");
  CHECK(shown_command_line("/usr/bin/logdx") == "logdx");
  CHECK(shown_command_line("").empty());
}
