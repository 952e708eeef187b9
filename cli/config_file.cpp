#include "config_file.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "logdx/engine/edit_distance.hpp"

namespace logdx::cli {
namespace {

namespace fs = std::filesystem;

// A configuration is a handful of lines; anything this big is the wrong file.
constexpr std::uintmax_t kMaxConfigBytes = 1 << 20;
constexpr unsigned long long kMinLineBytes = 256;
constexpr unsigned long long kMaxLineBytes = 1ULL << 30;

std::string env_or_empty(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

std::string_view line_of(const std::string& text, int line) {
  std::string_view rest = text;
  for (int i = 1; i < line; ++i) {
    const auto end = rest.find('\n');
    if (end == std::string_view::npos) return {};
    rest.remove_prefix(end + 1);
  }
  rest = rest.substr(0, rest.find('\n'));
  if (!rest.empty() && rest.back() == '\r') rest.remove_suffix(1);
  return rest;
}

// Walks one parsed document; every problem is kept, nothing stops at the first.
class ConfigChecker {
 public:
  ConfigChecker(const std::string& text, const std::string& name, const std::string& home)
      : text_(text), name_(name), home_(home) {}

  void report(const YAML::Mark& mark, std::string message) {
    ConfigProblem p{name_, 0, 0, std::move(message), {}};
    if (mark.line >= 0) {
      p.line = mark.line + 1;
      p.column = mark.column + 1;
      p.source_line = std::string(line_of(text_, p.line));
    }
    out_.problems.push_back(std::move(p));
  }

  void check_document(const YAML::Node& root) {
    if (root.IsNull()) return;  // an empty file, or only comments: no settings
    if (!root.IsMap()) {
      report(root.Mark(), "the configuration must be a mapping of keys to values (key: value)");
      return;
    }
    std::set<std::string, std::less<>> seen;
    for (const auto& entry : root) {
      const YAML::Node& key = entry.first;
      if (!key.IsScalar()) {
        report(key.Mark(), "a key must be a plain word");
        continue;
      }
      const std::string& name = key.Scalar();
      if (!known_key(name, key.Mark())) continue;
      if (!seen.insert(name).second) {
        report(key.Mark(), fmt::format("'{}' is set twice; keep one", name));
        continue;
      }
      check_value(name, key.Mark(), entry.second);
    }
  }

  ConfigFile take() { return std::move(out_); }

 private:
  bool known_key(const std::string& name, const YAML::Mark& mark) {
    if (std::find(std::begin(kConfigKeys), std::end(kConfigKeys), name) != std::end(kConfigKeys))
      return true;
    std::string known;
    std::string_view best;
    std::size_t best_distance = 3;  // suggest only close spellings
    for (std::string_view k : kConfigKeys) {
      known += known.empty() ? std::string(k) : fmt::format(", {}", k);
      const std::size_t d = edit_distance(name, k);
      if (d < best_distance) {
        best = k;
        best_distance = d;
      }
    }
    report(mark,
           fmt::format("unknown key '{}'{}; known keys: {}", name,
                       best.empty() ? "" : fmt::format(" (did you mean '{}'?)", best), known));
    return false;
  }

  // The node's position, or the key's when yaml-cpp has none (an empty value after `key:`).
  static YAML::Mark at(const YAML::Node& node, const YAML::Mark& key) {
    return node.Mark().line >= 0 && !node.IsNull() ? node.Mark() : key;
  }

  std::optional<std::string> text(const YAML::Node& node, const YAML::Mark& key,
                                  std::string_view what) {
    if (!node.IsScalar() || node.Scalar().empty()) {
      report(at(node, key), fmt::format("'{}' needs {}", what,
                                        what == "rules" ? "a path or a list of paths" : "a value"));
      return std::nullopt;
    }
    return node.Scalar();
  }

  void check_value(const std::string& key, const YAML::Mark& key_mark, const YAML::Node& node) {
    ConfigSetting setting{key, {}, key_mark.line + 1, key_mark.column + 1};
    bool ok = true;
    if (key == "rules" && node.IsSequence()) {
      for (const YAML::Node& item : node) {
        if (auto path = text(item, key_mark, key)) {
          setting.values.push_back(absolute_path(*path));
        } else {
          ok = false;
        }
      }
    } else if (auto value = text(node, key_mark, key)) {
      ok = check_scalar(key, *value, at(node, key_mark), setting);
    } else {
      ok = false;
    }
    if (ok) out_.settings.push_back(std::move(setting));
  }

  bool one_of(const std::string& key, const std::string& value, const YAML::Mark& mark,
              std::initializer_list<std::string_view> allowed) {
    if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return true;
    std::string list;
    for (std::string_view a : allowed)
      list += list.empty() ? std::string(a) : fmt::format(", {}", a);
    report(mark, fmt::format("'{}' is '{}'; it must be one of: {}", key, value, list));
    return false;
  }

  bool check_scalar(const std::string& key, const std::string& value, const YAML::Mark& mark,
                    ConfigSetting& setting) {
    if (key == "color" && !one_of(key, value, mark, {"auto", "always", "never"})) return false;
    if (key == "fail-on" && !one_of(key, value, mark, {"info", "warning", "error", "critical"}))
      return false;
    if (key == "max-line-bytes" && !line_bytes_ok(value, mark)) return false;
    setting.values.push_back(key == "rules" || key == "db" ? absolute_path(value) : value);
    return true;
  }

  bool line_bytes_ok(const std::string& value, const YAML::Mark& mark) {
    const bool digits =
        !value.empty() && value.size() <= 12 &&
        std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
    const unsigned long long n = digits ? std::stoull(value) : 0;
    if (digits && n >= kMinLineBytes && n <= kMaxLineBytes) return true;
    report(mark, fmt::format("'max-line-bytes' is '{}'; it must be a whole number of bytes from "
                             "{} to {}",
                             value, kMinLineBytes, kMaxLineBytes));
    return false;
  }

  // `~` and `~/x` are the home folder; a relative path is relative to the file's folder.
  std::string absolute_path(const std::string& path) const {
    fs::path p(path);
    if ((path == "~" || path.rfind("~/", 0) == 0) && !home_.empty()) {
      p = fs::path(home_) / path.substr(std::min<std::size_t>(path.size(), 2));
    } else if (p.is_relative()) {
      p = fs::absolute(fs::path(name_)).parent_path() / p;
    }
    return p.lexically_normal().string();
  }

  const std::string& text_;
  const std::string& name_;
  const std::string& home_;
  ConfigFile out_;
};

}  // namespace

ConfigEnvironment ConfigEnvironment::from_process() {
  return {env_or_empty("LOGDX_CONFIG"), env_or_empty("XDG_CONFIG_HOME"), env_or_empty("HOME")};
}

ConfigLocation locate_config(const std::optional<std::string>& flag, const ConfigEnvironment& env) {
  if (flag) return {*flag, "--config", true};
  if (!env.logdx_config.empty()) return {env.logdx_config, "LOGDX_CONFIG", true};
  // XDG: a relative $XDG_CONFIG_HOME is invalid and must be ignored.
  if (!env.xdg_config_home.empty() && env.xdg_config_home.front() == '/') {
    return {(fs::path(env.xdg_config_home) / "logdx" / "config.yaml").string(), "$XDG_CONFIG_HOME",
            false};
  }
  if (!env.home.empty()) {
    return {(fs::path(env.home) / ".config" / "logdx" / "config.yaml").string(), "~/.config",
            false};
  }
  return {"", "no HOME", false};
}

std::string ConfigProblem::render() const {
  std::string out = line > 0 ? fmt::format("{}:{}:{}: error: {}", file, line, column, message)
                             : fmt::format("{}: error: {}", file, message);
  if (!source_line.empty() && column > 0) {
    out += fmt::format("\n  {}\n  {}^", source_line,
                       std::string(static_cast<std::size_t>(column - 1), ' '));
  }
  return out;
}

const ConfigSetting* ConfigFile::find(std::string_view key) const {
  for (const auto& s : settings) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

ConfigFile parse_config_text(const std::string& text, const std::string& name,
                             const std::string& home) {
  ConfigChecker checker(text, name, home);
  try {
    const YAML::Node root = YAML::Load(text);
    checker.check_document(root);
  } catch (const YAML::Exception& e) {
    checker.report(e.mark, fmt::format("not valid YAML: {}", e.msg));
  }
  ConfigFile out = checker.take();
  out.path = name;
  out.found = true;
  return out;
}

ConfigFile read_config_file(const ConfigLocation& location, const std::string& home) {
  ConfigFile out;
  out.path = location.path;
  if (location.path.empty()) return out;
  std::error_code ec;
  const bool exists = fs::exists(location.path, ec);
  if (!exists && !location.required) return out;
  const auto size = fs::file_size(location.path, ec);
  if (ec || fs::is_directory(location.path)) {
    out.problems.push_back(
        {location.path,
         0,
         0,
         fmt::format("cannot read the configuration file (named by {}): {}", location.origin,
                     ec ? ec.message() : std::string("it is a folder")),
         {}});
    return out;
  }
  if (size > kMaxConfigBytes) {
    out.problems.push_back(
        {location.path,
         0,
         0,
         fmt::format("the configuration file is {} bytes; more than {} is not a configuration",
                     size, kMaxConfigBytes),
         {}});
    return out;
  }
  std::ifstream in(location.path, std::ios::binary);
  std::ostringstream text;
  if (!in || (size > 0 && !(text << in.rdbuf()))) {
    out.problems.push_back({location.path, 0, 0, "cannot read the configuration file", {}});
    return out;
  }
  return parse_config_text(std::move(text).str(), location.path, home);
}

}  // namespace logdx::cli
