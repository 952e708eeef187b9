#pragma once
// The individual host checks; run_host_checks (host_checks.cpp) calls them in order.

#include <string>
#include <vector>

#include "logdx/host/host_checks.hpp"
#include "proc_tree.hpp"

namespace logdx::host {

bool has_cause(const HostQuestion& question, std::string_view cause);

HostCheck check_port(int port, const HostQuestion& question, const ProcTree& proc);
HostCheck check_memory(const HostQuestion& question, const ProcTree& proc);
// The gateway processes, and what runs each (systemd unit, container, PM2).
HostCheck check_gateway_process(const HostQuestion& question, const ProcTree& proc);
// A unit the logs name, through `systemctl show` (read-only) when systemctl is there and
// commands are allowed; skipped with the reason otherwise.
HostCheck check_systemd_unit(const std::string& unit, const HostQuestion& question,
                             const HostPaths& paths);
HostCheck check_pm2(const ProcTree& proc, const HostPaths& paths);
HostCheck check_config(const HostQuestion& question, const HostPaths& paths);

// gateway.mode in an OpenClaw config (JSON5: comments, unquoted keys, trailing commas):
// the value, "" when the file has no such key; nullopt when the text cannot be read as JSON5.
std::optional<std::string> gateway_mode_of(std::string_view config_text);

}  // namespace logdx::host
