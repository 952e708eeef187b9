// JournalLibrary: see journal_library.hpp for why sd-journal is loaded on first use.
#include "input/journal_library.hpp"

#include <dlfcn.h>
#include <fmt/format.h>

#include "logdx/parsers/byte_source.hpp"

namespace logdx::input {
namespace {

template <typename Function>
void resolve(void* handle, const char* symbol, Function& out, const std::string& input_name,
             const char* soname) {
  void* found = dlsym(handle, symbol);
  if (found == nullptr) {
    throw InputError(input_name, fmt::format("reading the systemd journal needs {} with {}: {}",
                                             soname, symbol, dlerror()));
  }
  out = reinterpret_cast<Function>(found);
}

}  // namespace

std::shared_ptr<const JournalLibrary> JournalLibrary::load(const std::string& input_name,
                                                           const char* soname) {
  std::shared_ptr<JournalLibrary> lib(new JournalLibrary());
  lib->handle_ = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (lib->handle_ == nullptr) {
    throw InputError(input_name,
                     fmt::format("reading the systemd journal needs {}: {}", soname, dlerror()));
  }
  void* h = lib->handle_;
  resolve(h, "sd_journal_open", lib->open, input_name, soname);
  resolve(h, "sd_journal_open_directory", lib->open_directory, input_name, soname);
  resolve(h, "sd_journal_open_files", lib->open_files, input_name, soname);
  resolve(h, "sd_journal_close", lib->close, input_name, soname);
  resolve(h, "sd_journal_add_match", lib->add_match, input_name, soname);
  resolve(h, "sd_journal_add_disjunction", lib->add_disjunction, input_name, soname);
  resolve(h, "sd_journal_seek_head", lib->seek_head, input_name, soname);
  resolve(h, "sd_journal_next", lib->next, input_name, soname);
  resolve(h, "sd_journal_get_cursor", lib->get_cursor, input_name, soname);
  resolve(h, "sd_journal_get_realtime_usec", lib->get_realtime_usec, input_name, soname);
  resolve(h, "sd_journal_get_monotonic_usec", lib->get_monotonic_usec, input_name, soname);
  resolve(h, "sd_journal_restart_data", lib->restart_data, input_name, soname);
  resolve(h, "sd_journal_enumerate_data", lib->enumerate_data, input_name, soname);
  resolve(h, "sd_journal_get_fd", lib->get_fd, input_name, soname);
  resolve(h, "sd_journal_wait", lib->wait, input_name, soname);
  return lib;
}

JournalLibrary::~JournalLibrary() {
  if (handle_ != nullptr) dlclose(handle_);
}

}  // namespace logdx::input
