// The configuration under the command line: flag > file > built-in default, for every parsed
// command that has an option of a key's name; `rules` adds before the flag's paths.

#include <CLI/CLI.hpp>
#include <catch2/catch.hpp>

#include "config_apply.hpp"

namespace {

using namespace logdx::cli;

// A small app shaped like logdx's: two commands sharing some option names.
struct FakeApp {
  CLI::App app{"fake"};
  ConfigState state;
  std::string color = "auto";
  std::string fail_on = "error";
  std::vector<std::string> rules;
  bool no_user = false;
  std::size_t max_line_bytes = 1 << 20;
  std::string db;
  CLI::App* analyze = nullptr;

  FakeApp() {
    analyze = app.add_subcommand("analyze");
    analyze->add_option("--color", color)->check(CLI::IsMember({"auto", "always", "never"}));
    analyze->add_option("--fail-on", fail_on);
    analyze->add_option("--rules", rules)->allow_extra_args(false);
    analyze->add_flag("--no-user-rules", no_user);
    analyze->add_option("--max-line-bytes", max_line_bytes)
        ->check(CLI::Range(std::size_t{256}, std::size_t{1} << 20));
    app.add_subcommand("history")->add_option("--db", db);
    add_config_options(app, state);
    remember_defaults(app, state);
  }

  void parse(std::vector<std::string> args) {
    std::reverse(args.begin(), args.end());  // CLI11 takes them last first
    app.parse(args);
  }

  const EffectiveSetting& setting(std::string_view key) const {
    for (const auto& s : state.effective)
      if (s.key == key) return s;
    FAIL("no setting " << key);
    return state.effective.front();
  }
};

ConfigFile config(const std::string& text) {
  return parse_config_text(text, "/c/config.yaml", "/home/ann");
}

}  // namespace

TEST_CASE("config apply: the built-in defaults are noted before parsing") {
  FakeApp f;
  CHECK(f.state.defaults.at("color") == "auto");
  CHECK(f.state.defaults.at("max-line-bytes") == "1048576");
  CHECK(f.state.defaults.at("rules").empty());
  // Noting them leaves the help text as it was (no "[auto]" added).
  CHECK(f.analyze->get_option("--color")->get_default_str().empty());
}

TEST_CASE("config apply: the file sets what the command line did not, flags win") {
  FakeApp f;
  f.parse({"analyze", "--color", "always"});
  ConfigFile file = config("color: never\nfail-on: warning\nmax-line-bytes: 4096\ndb: /h.db\n");
  f.state.effective = apply_config(f.app, file, f.state.defaults);
  REQUIRE(file.ok());
  CHECK(f.color == "always");
  CHECK(f.setting("color").values.at(0).origin == "flag");
  CHECK(f.fail_on == "warning");
  CHECK(f.setting("fail-on").values.at(0).origin == "/c/config.yaml:2");
  CHECK(f.max_line_bytes == 4096);
  CHECK(f.db.empty());  // `history` was not the command run
}

TEST_CASE("config apply: without the key, the default stays and says so") {
  FakeApp f;
  f.parse({"analyze"});
  ConfigFile file = config("");
  f.state.effective = apply_config(f.app, file, f.state.defaults);
  CHECK(f.fail_on == "error");
  CHECK(f.setting("fail-on").values.at(0).text == "error");
  CHECK(f.setting("fail-on").values.at(0).origin == "default");
}

TEST_CASE("config apply: the file's rules come before --rules, --no-user-rules drops them") {
  FakeApp f;
  f.parse({"analyze", "--rules", "mine.yaml"});
  ConfigFile file = config("rules: [/team/rules/]\n");
  f.state.effective = apply_config(f.app, file, f.state.defaults);
  CHECK(f.rules == std::vector<std::string>{"/team/rules/", "mine.yaml"});
  CHECK(f.setting("rules").values.at(1).origin == "flag");

  FakeApp g;
  g.parse({"analyze", "--no-user-rules"});
  ConfigFile again = config("rules: [/team/rules/]\n");
  g.state.effective = apply_config(g.app, again, g.state.defaults);
  CHECK(g.rules.empty());
}

TEST_CASE("config apply: a value the option's own check refuses is a problem at its line") {
  FakeApp f;  // this fake caps --max-line-bytes lower than the file's checker does
  f.parse({"analyze"});
  ConfigFile file = config("color: auto\nmax-line-bytes: 4194304\n");
  REQUIRE(file.ok());
  apply_config(f.app, file, f.state.defaults);
  REQUIRE(file.problems.size() == 1);
  CHECK_THAT(file.problems[0].render(),
             Catch::StartsWith("/c/config.yaml:2:1: error: 'max-line-bytes' is refused by "
                               "analyze --max-line-bytes"));
}

TEST_CASE("config apply: --config works before and after the command") {
  FakeApp f;
  f.parse({"--config", "a.yaml", "analyze"});
  CHECK(f.state.flag == std::optional<std::string>("a.yaml"));
  FakeApp g;
  g.parse({"analyze", "--config", "b.yaml"});
  CHECK(g.state.flag == std::optional<std::string>("b.yaml"));
}
