// The configuration file: where it is looked for, what it may hold, and how a bad one is
// reported (file:line:column, every problem at once).

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "config_file.hpp"

namespace {

using logdx::cli::ConfigEnvironment;
using logdx::cli::ConfigFile;
using logdx::cli::locate_config;
using logdx::cli::parse_config_text;
using logdx::cli::read_config_file;

ConfigFile parse(const std::string& text) {
  return parse_config_text(text, "/etc/cfg/config.yaml", "/home/ann");
}

std::string all_problems(const ConfigFile& file) {
  std::string out;
  for (const auto& p : file.problems) out += p.render() + "\n";
  return out;
}

}  // namespace

TEST_CASE("config location: --config, then LOGDX_CONFIG, then XDG_CONFIG_HOME, then ~/.config") {
  ConfigEnvironment env{"/env/c.yaml", "/xdg", "/home/ann"};
  auto where = locate_config(std::string("mine.yaml"), env);
  CHECK(where.path == "mine.yaml");
  CHECK(where.required);
  where = locate_config(std::nullopt, env);
  CHECK(where.path == "/env/c.yaml");
  CHECK(where.origin == "LOGDX_CONFIG");
  CHECK(where.required);
  env.logdx_config.clear();
  where = locate_config(std::nullopt, env);
  CHECK(where.path == "/xdg/logdx/config.yaml");
  CHECK_FALSE(where.required);
  env.xdg_config_home = "relative/xdg";  // invalid per the XDG spec: ignored
  CHECK(locate_config(std::nullopt, env).path == "/home/ann/.config/logdx/config.yaml");
  env.xdg_config_home.clear();
  env.home.clear();
  CHECK(locate_config(std::nullopt, env).path.empty());
}

TEST_CASE("config: every key read, paths made absolute against the file and ~") {
  const ConfigFile file = parse(
      "# defaults for my gateway box\n"
      "rules: [extra/, ~/team-rules.yaml, /opt/r]\n"
      "db: ../state/history.db\n"
      "color: never\n"
      "fail-on: warning\n"
      "max-line-bytes: 65536\n");
  INFO(all_problems(file));
  REQUIRE(file.ok());
  REQUIRE(file.settings.size() == 5);
  const auto* rules = file.find("rules");
  REQUIRE(rules != nullptr);
  CHECK(rules->values ==
        std::vector<std::string>{"/etc/cfg/extra/", "/home/ann/team-rules.yaml", "/opt/r"});
  CHECK(rules->line == 2);
  CHECK(file.find("db")->values.at(0) == "/etc/state/history.db");
  CHECK(file.find("color")->values.at(0) == "never");
  CHECK(file.find("fail-on")->line == 5);
  CHECK(file.find("max-line-bytes")->values.at(0) == "65536");
}

TEST_CASE("config: a single rules path is a list of one; an empty file sets nothing") {
  CHECK(parse("rules: /srv/rules\n").find("rules")->values ==
        std::vector<std::string>{"/srv/rules"});
  const ConfigFile empty = parse("# nothing yet\n");
  CHECK(empty.ok());
  CHECK(empty.settings.empty());
}

TEST_CASE("config: unknown keys and bad values are errors at their line and column") {
  const ConfigFile file = parse(
      "colour: never\n"
      "fail-on: loud\n"
      "max-line-bytes: 12\n"
      "db:\n"
      "rules: {a: b}\n");
  const std::string text = all_problems(file);
  INFO(text);
  REQUIRE(file.problems.size() == 5);
  CHECK(file.settings.empty());
  CHECK_THAT(text, Catch::Contains("/etc/cfg/config.yaml:1:1: error: unknown key 'colour' "
                                   "(did you mean 'color'?)"));
  CHECK_THAT(text, Catch::Contains("config.yaml:2:10: error: 'fail-on' is 'loud'; it must be "
                                   "one of: info, warning, error, critical"));
  CHECK_THAT(text, Catch::Contains("config.yaml:3:17: error: 'max-line-bytes' is '12'"));
  CHECK_THAT(text, Catch::Contains("config.yaml:4:1: error: 'db' needs a value"));
  CHECK_THAT(text, Catch::Contains("config.yaml:5:8: error: 'rules' needs a path"));
  // The caret sits under the bad value.
  CHECK_THAT(text, Catch::Contains("  fail-on: loud\n           ^"));
}

TEST_CASE("config: a key set twice, a list at the top and broken YAML are refused") {
  CHECK_THAT(all_problems(parse("color: auto\ncolor: never\n")),
             Catch::Contains(":2:1: error: 'color' is set twice"));
  CHECK_THAT(all_problems(parse("- color\n")),
             Catch::Contains(":1:1: error: the configuration must be a mapping"));
  CHECK_THAT(all_problems(parse("rules: [a,\n")), Catch::Contains("error: not valid YAML"));
}

TEST_CASE("config file: a missing default file is fine, a missing named one is an error") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "logdx-config-file-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "config.yaml").string();
  ConfigFile file = read_config_file({path, "$XDG_CONFIG_HOME", false}, "/home/ann");
  CHECK(file.ok());
  CHECK_FALSE(file.found);
  file = read_config_file({path, "--config", true}, "/home/ann");
  REQUIRE(file.problems.size() == 1);
  CHECK_THAT(file.problems[0].render(), Catch::Contains("named by --config"));
  std::ofstream(path) << "fail-on: critical\n";
  file = read_config_file({path, "--config", true}, "/home/ann");
  CHECK(file.found);
  CHECK(file.find("fail-on")->values.at(0) == "critical");
  fs::remove_all(dir);
}
