// Registers the kernel envelope parsers: the dmesg renderings. kern.log / syslog shapes that
// carry kernel lines belong to the journal family.

#include <memory>

#include "kernel/dmesg_parser.hpp"
#include "logdx/parsers/parser_registry.hpp"

namespace logdx {
namespace {

using kernel::DmesgParser;
using kernel::DmesgPrefix;
using kernel::DmesgShape;
using kernel::StampShapes;

// Not peelable: a kernel line inside kern.log keeps the syslog stamp (absolute time) as its
// time; peeling the `[ secs]` uptime stamp would replace it with a monotonic one.
// `dmesg` ranks below journalctl -o short-monotonic, whose lines also start with `[ secs] `.
const ParserInfo kDmesgInfo{"dmesg", "dmesg: `[ secs.usecs] text`, seconds since boot",
                            SourceKind::kernel, 55, false};
const ParserInfo kDmesgCtimeInfo{"dmesg-ctime",
                                 "dmesg -T: `[Ddd Mmm d HH:MM:SS YYYY] text`, local time",
                                 SourceKind::kernel, 60, false};
const ParserInfo kDmesgDecodeInfo{"dmesg-decode",
                                  "dmesg -x: `kern  :warn  : [ secs] text`, facility and level",
                                  SourceKind::kernel, 70, false};
const ParserInfo kDmesgRawPrioInfo{"dmesg-raw-prio",
                                   "dmesg -r: `<N>[ secs] text`, syslog priority prefix",
                                   SourceKind::kernel, 65, false};

template <const ParserInfo& kInfo, DmesgPrefix kPrefix, StampShapes kStamps, bool kOptional>
std::unique_ptr<EnvelopeParser> make_dmesg(const ParserOptions&) {
  return std::make_unique<DmesgParser>(kInfo, DmesgShape{kPrefix, kStamps, kOptional});
}

}  // namespace

void register_kernel_parsers(ParserRegistry& registry) {
  registry.add(kDmesgInfo,
               make_dmesg<kDmesgInfo, DmesgPrefix::none, StampShapes::monotonic, false>);
  registry.add(kDmesgCtimeInfo,
               make_dmesg<kDmesgCtimeInfo, DmesgPrefix::none, StampShapes::ctime, false>);
  registry.add(kDmesgDecodeInfo,
               make_dmesg<kDmesgDecodeInfo, DmesgPrefix::decode, StampShapes::either, true>);
  registry.add(kDmesgRawPrioInfo,
               make_dmesg<kDmesgRawPrioInfo, DmesgPrefix::priority, StampShapes::either, false>);
}

}  // namespace logdx
