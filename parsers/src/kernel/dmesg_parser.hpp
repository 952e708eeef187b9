#pragma once
// One parser engine for every dmesg rendering: the renderings differ only in what stands in
// front of the kernel's text (nothing, `<N>`, `kern  :warn  : `) and which stamp they carry,
// so the four registered parsers are this class with different shapes.

#include <cstddef>
#include <string_view>

#include "kernel/dmesg_prefix.hpp"
#include "logdx/parsers/envelope_parser.hpp"

namespace logdx::kernel {

enum class DmesgPrefix { none, decode, priority };

struct DmesgShape {
  DmesgPrefix prefix = DmesgPrefix::none;
  StampShapes stamps = StampShapes::monotonic;
  bool stamp_optional = false;  // `dmesg -x -t` prints no stamp at all
};

class DmesgParser final : public EnvelopeParser {
 public:
  DmesgParser(const ParserInfo& info, DmesgShape shape) : info_(info), shape_(shape) {}

  const ParserInfo& info() const override { return info_; }
  LineVerdict parse_line(std::string_view line, Event& fresh, Event* open) override;
  bool may_start(std::string_view line) const override;
  StartBytes start_bytes() const override;
  void reset() override { has_open_ = false; }

 private:
  bool parse_prefix(std::string_view& rest, Event& event) const;
  LineVerdict continue_record(std::string_view line, Event* open);

  const ParserInfo& info_;
  DmesgShape shape_;
  bool has_open_ = false;   // the last line this parser saw started a record of its own
  std::size_t indent_ = 0;  // width dmesg indents continuation lines by (its prefix width)
};

}  // namespace logdx::kernel
