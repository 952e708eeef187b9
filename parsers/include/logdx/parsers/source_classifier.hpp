#pragma once
// Which kind of source a process / syslog identifier / unit name belongs to. Shared by every
// parser so that "kernel", "systemd", "openclaw-gatewa" (the kernel's 15-char comm) and
// "node under openclaw-gateway.service" classify the same way whatever the envelope.

#include <string_view>

#include "logdx/parsers/event.hpp"

namespace logdx {

// `process` is the identifier/comm (may be empty), `unit` the systemd unit or container or
// PM2 app (may be empty). `fallback` is returned when nothing is recognised.
SourceKind classify_source(std::string_view process, std::string_view unit, SourceKind fallback);

// True for every name the OpenClaw gateway goes by: openclaw, openclaw-gateway, the kernel's
// 15-character "openclaw-gatewa", the older clawdbot-gateway / clawdbot / moltbot names.
bool is_gateway_name(std::string_view name);

}  // namespace logdx
