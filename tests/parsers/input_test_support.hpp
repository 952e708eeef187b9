#pragma once
// Helpers for the input-layer tests: a temporary folder removed at the end, file writers
// (plain, gzip through zlib's gzopen/gzwrite, zstd through ZSTD_compress), and in-memory
// ByteSources that deliver text in small chunks the way a pipe does.

#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "logdx/parsers/byte_source.hpp"
#include "logdx/parsers/line_reader.hpp"

namespace logdx::testing {

class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    path_ = std::filesystem::temp_directory_path() /
            ("logdx-input-test-" + std::to_string(::getpid()) + "-" + std::to_string(stamp) + "-" +
             std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    // chmod 000 folders left by a test would stop remove_all; give the owner access back.
    for (auto it = std::filesystem::recursive_directory_iterator(path_, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_symlink()) {
        std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::add, ec);
      }
    }
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline void write_file(const std::string& path, const std::string& bytes) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path);
}

inline std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// One gzip member written by zlib's gzip writer.
inline std::string gzip_bytes(const std::string& text, const std::string& scratch_path) {
  gzFile out = gzopen(scratch_path.c_str(), "wb");
  if (out == nullptr) throw std::runtime_error("gzopen failed");
  if (!text.empty() && gzwrite(out, text.data(), static_cast<unsigned>(text.size())) !=
                           static_cast<int>(text.size())) {
    throw std::runtime_error("gzwrite failed");
  }
  gzclose(out);
  std::string bytes = read_whole_file(scratch_path);
  std::filesystem::remove(scratch_path);
  return bytes;
}

inline std::string zstd_bytes(const std::string& text) {
  std::string out(ZSTD_compressBound(text.size()), '\0');
  const std::size_t size = ZSTD_compress(out.data(), out.size(), text.data(), text.size(), 3);
  if (ZSTD_isError(size)) throw std::runtime_error(ZSTD_getErrorName(size));
  out.resize(size);
  return out;
}

// Delivers `text` at most `chunk` bytes per read, like a pipe.
class StringSource final : public ByteSource {
 public:
  explicit StringSource(std::string text, std::size_t chunk = 1 << 20)
      : text_(std::move(text)), chunk_(chunk) {}
  std::size_t read(std::span<char> buffer) override {
    largest_request = std::max(largest_request, buffer.size());
    const std::size_t n = std::min({buffer.size(), chunk_, text_.size() - pos_});
    std::memcpy(buffer.data(), text_.data() + pos_, n);
    pos_ += n;
    return n;
  }
  std::size_t largest_request = 0;

 private:
  std::string text_;
  std::size_t chunk_;
  std::size_t pos_ = 0;
};

// `size` bytes of `fill` and nothing else: a huge line without storing it.
class RepeatSource final : public ByteSource {
 public:
  RepeatSource(std::uint64_t size, char fill) : left_(size), fill_(fill) {}
  std::size_t read(std::span<char> buffer) override {
    const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(buffer.size(), left_));
    std::memset(buffer.data(), fill_, n);
    left_ -= n;
    return n;
  }

 private:
  std::uint64_t left_;
  char fill_;
};

struct OwnedLine {
  std::string text;
  std::uint64_t number = 0;
  std::uint64_t byte_offset = 0;
  bool cut = false;
  bool operator==(const OwnedLine&) const = default;
};

inline std::ostream& operator<<(std::ostream& out, const OwnedLine& line) {
  return out << "{#" << line.number << " @" << line.byte_offset << (line.cut ? " cut" : "") << " \""
             << line.text << "\"}";
}

inline std::vector<OwnedLine> read_all_lines(LineReader& reader) {
  std::vector<OwnedLine> lines;
  Line line;
  while (reader.next(line)) {
    lines.push_back({std::string(line.text), line.number, line.byte_offset, line.cut});
  }
  return lines;
}

inline std::string read_all_bytes(ByteSource& source, std::size_t chunk = 4096) {
  std::string all;
  std::vector<char> buffer(chunk);
  for (std::size_t got; (got = source.read(buffer)) > 0;) all.append(buffer.data(), got);
  return all;
}

inline ResolvedInput file_input(const std::string& path) {
  return ResolvedInput{path, path, false, 0, nullptr, "", ""};
}

}  // namespace logdx::testing
