#pragma once
// Blocks a tool prints as one report over several lines, each line one fact about it: npm's
// error block ("npm ERR! code ENOENT", "npm ERR! syscall open", "npm ERR! path /x/package.json")
// and the container and Events sections of `kubectl describe pod` ("Last State: Terminated",
// "Reason: OOMKilled", "Exit Code: 137", "Restart Count: 4", the events table). Read as one
// record, a rule sees the code with its path, an exit code with its reason and the events
// that say who killed the container; line by line it sees one of them at a time.

#include <string_view>

namespace logdx::tool_block {

// "npm ERR!" (npm 1-9, lib/utils/error-handler.js / exit-handler.js) or "npm error" (npm 10+,
// lib/utils/display.js): the prefix each line of npm's error block carries; empty when the
// line is not one.
std::string_view npm_prefix(std::string_view message);

// A line that opens a section of `kubectl describe pod` whose lines are read together:
// "Containers:", "Init Containers:", "State:  Waiting|Running|Terminated", "Last State:
// Terminated", "Events:" (also indented, as a paste cut above them leaves them).
bool opens_kubectl_describe(std::string_view message);

// A line that goes on inside such a section: indented (describe nests every field under its
// section), a flush-left section header ("Conditions:", "QoS Class:   Burstable"), or an
// events row whose indentation the paste lost ("Warning  BackOff  ...").
bool continues_kubectl_describe(std::string_view message);

}  // namespace logdx::tool_block
