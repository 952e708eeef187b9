#pragma once
// The kernel's report of a user task killed by a fault it did not handle, as x86's
// show_signal_msg prints it (arch/x86/mm/fault.c): "%s[%d]: segfault at %lx ip %px sp %px
// error %lx" since 2.6.25 ("rip"/"rsp" on x86_64 before it), then " in %s[%lx+%lx]". The task's
// "comm[pid]: " stands where a syslog tag would, but the kernel wrote the line: the name and pid
// are what the report is about, so no reader may take them off as the writer's tag.

#include <string_view>

namespace logdx::kernel {

// True when `message` starts with "comm[pid]: segfault at HEX".
bool is_fault_report(std::string_view message);

}  // namespace logdx::kernel
