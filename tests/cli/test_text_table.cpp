// TextTable: columns sized to content, the elastic column cut to the width, escapes made
// harmless, no cut at width 0 (a pipe).

#include <catch2/catch.hpp>

#include "text_table.hpp"

using logdx::cli::TextTable;

TEST_CASE("columns line up and the elastic column is cut to fit", "[table]") {
  TextTable t({"ID", "CAUSE", "TITLE"}, 2);
  t.add_row({"1", "port_conflict", "Port 18789 is held by another process, so the gateway cannot start"});
  t.add_row({"22", "oom", "short"});
  CHECK(t.render(0) ==
        "ID  CAUSE          TITLE\n"
        "1   port_conflict  Port 18789 is held by another process, so the gateway cannot start\n"
        "22  oom            short\n");
  const std::string cut = t.render(40);
  CHECK(cut ==
        "ID  CAUSE          TITLE\n"
        "1   port_conflict  Port 18789 is held...\n"  // 40 columns
        "22  oom            short\n");
}

TEST_CASE("cells cannot drive the terminal", "[table]") {
  TextTable t({"TEXT"}, 0);
  t.add_row({"evil \x1b]0;pwned\x07 title"});
  CHECK(t.render(0).find('\x1b') == std::string::npos);
}
