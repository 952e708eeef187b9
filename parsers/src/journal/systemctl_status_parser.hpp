#pragma once
// systemctl status output: the unit state block plus its journal tail.

#include <memory>

#include "logdx/parsers/envelope_parser.hpp"

namespace logdx::journal {

inline constexpr ParserInfo kSystemctlStatusInfo{
    "systemctl-status",
    "systemctl status: '● unit - Description', Loaded:/Active:/Main PID: block, journal tail",
    SourceKind::systemd, 50, false};

std::unique_ptr<EnvelopeParser> make_systemctl_status_parser(const ParserOptions& options);

}  // namespace logdx::journal
