#pragma once
// A plain-text table for the history commands: left-aligned columns sized to their content,
// cells made terminal-safe, one column (the widest prose, e.g. a title) cut with "..." so a
// row fits the terminal width.

#include <cstddef>
#include <string>
#include <vector>

namespace logdx::cli {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> headers, std::size_t elastic_column);

  void add_row(std::vector<std::string> cells);
  std::string render(std::size_t width) const;  // width 0: no limit
  bool empty() const { return rows_.empty(); }

 private:
  std::vector<std::string> headers_;
  std::size_t elastic_;
  std::vector<std::vector<std::string>> rows_;
};

// The width to lay text out in: $COLUMNS, else the terminal's; 0 (no limit) in a pipe.
std::size_t output_width();

}  // namespace logdx::cli
