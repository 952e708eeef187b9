// resolve_inputs: command-line arguments -> the ordered inputs to read, with notes for what
// was skipped or failed. Nothing here throws for a bad input: one bad path must not hide
// the others.

#include "logdx/parsers/input_set.hpp"

#include <fmt/format.h>
#include <glob.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>

#include "input/binary_sniff.hpp"
#include "input/folder_walk.hpp"
#include "input/host_folders.hpp"
#include "input/rotation_order.hpp"
#include "logdx/parsers/byte_source.hpp"

namespace logdx {
namespace {

using input::FileId;
using Severity = InputNote::Severity;

constexpr const char* kStdinName = "<stdin>";

bool has_glob_chars(const std::string& arg) {
  return arg.find_first_of("*?[") != std::string::npos;
}

// InputError's what() is "path: message"; notes carry the two apart.
std::string message_of(const InputError& error) {
  const std::string_view text = error.what();
  const std::size_t prefix = error.path().size() + 2;
  return std::string(text.size() > prefix ? text.substr(prefix) : text);
}

class Resolver {
 public:
  ResolvedInputs run(const std::vector<std::string>& args) {
    if (args.empty()) add_stdin();
    for (const auto& arg : args) add_arg(arg);
    input::order_rotated_sets(result_.inputs);
    return std::move(result_);
  }

 private:
  void note(Severity severity, std::string path, std::string message) {
    result_.notes.push_back({severity, std::move(path), std::move(message)});
  }

  void add_stdin() {
    if (stdin_added_) return note(Severity::note, "-", "skipped: stdin already included");
    stdin_added_ = true;
    result_.inputs.push_back({"-", kStdinName, true, 0, nullptr, "", ""});
  }

  void add_arg(const std::string& arg) {
    if (arg == "-") return add_stdin();
    struct stat st {};
    // A name that exists is taken literally even when it contains glob characters.
    if (has_glob_chars(arg) && ::lstat(arg.c_str(), &st) != 0) return add_glob(arg);
    add_path(arg, true);
  }

  void add_glob(const std::string& pattern) {
    glob_t matches{};
    const int code = ::glob(pattern.c_str(), 0, nullptr, &matches);
    if (code == 0) {
      for (std::size_t i = 0; i < matches.gl_pathc; ++i) add_path(matches.gl_pathv[i], true);
    } else if (code == GLOB_NOMATCH) {
      note(Severity::error, pattern, "no file matches the pattern");
    } else {
      note(Severity::error, pattern, code == GLOB_NOSPACE ? "out of memory" : "read error");
    }
    ::globfree(&matches);
  }

  // `given`: named on the command line (or by a glob there), not found in a folder.
  void add_path(const std::string& path, bool given) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return note(Severity::error, path, std::strerror(errno));
    if (S_ISDIR(st.st_mode)) {
      if (!visited_dirs_.insert(input::file_id(st)).second) {
        return note(Severity::note, path, "skipped: folder already read");
      }
      return add_folder(path);
    }
    add_file(path, st, given);
  }

  // A folder's files; when it holds only folders, each file's first folder below it is the
  // host of its host-less lines (input/host_folders.hpp).
  void add_folder(const std::string& folder) {
    const std::size_t first = result_.inputs.size();
    // The walk names a file folder/name: its parent is this, whether `folder` ends in '/' or not.
    const std::filesystem::path top = (std::filesystem::path(folder) / "x").parent_path();
    bool files_of_its_own = false;
    const auto on_file = [&](const std::string& path, const struct stat& st) {
      files_of_its_own = files_of_its_own || std::filesystem::path(path).parent_path() == top;
      add_file(path, st, false);
    };
    input::walk_folder(folder, visited_dirs_,
                       {on_file, [this](InputNote n) { result_.notes.push_back(std::move(n)); }});
    if (!files_of_its_own) {
      input::name_folder_hosts(folder, result_.inputs.begin() + static_cast<std::ptrdiff_t>(first),
                               result_.inputs.end());
    }
  }

  void add_file(const std::string& path, const struct stat& st, bool given) {
    const bool stream = S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode);
    if (!S_ISREG(st.st_mode) && !(given && stream)) {
      // A FIFO met in a folder would block the walk; given explicitly (<(zcat ...)) it is meant.
      return note(given ? Severity::error : Severity::note, path,
                  given ? "not a regular file" : "skipped: not a regular file");
    }
    const auto [seen, added] = seen_files_.try_emplace(input::file_id(st), path);
    if (!added) return note(Severity::note, path, "skipped: same file as " + seen->second);
    ResolvedInput input{path, path, false, static_cast<std::int64_t>(st.st_mtime), nullptr, "", ""};
    // Sniffing a pipe would eat its first bytes; only regular files are judged.
    if (S_ISREG(st.st_mode)) {
      try {
        if (input::looks_binary(input)) return note(Severity::note, path, "skipped: binary file");
      } catch (const InputError& error) {
        return note(Severity::error, path, message_of(error));
      }
    }
    result_.inputs.push_back(std::move(input));
  }

  ResolvedInputs result_;
  std::set<FileId> visited_dirs_;
  std::map<FileId, std::string> seen_files_;
  bool stdin_added_ = false;
};

}  // namespace

ResolvedInputs resolve_inputs(const std::vector<std::string>& args) { return Resolver().run(args); }

}  // namespace logdx
