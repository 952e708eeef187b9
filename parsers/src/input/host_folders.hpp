#pragma once
// A central rsyslog tree (/var/log/remote/<host>/<program>.log) may be written by a template
// that leaves the host out of each line; its folder is then the only place the host is named.
// A folder given on the command line that holds only folders (no file of its own) is read as
// such a tree: each file below it names, as its folder host, the first folder under it. The
// rule keeps `/var/log` (which always holds files of its own: syslog, dpkg.log) from making
// `nginx/` a host, and a folder name that cannot be a host's (docker's 64-hex container ids)
// names none.

#include <string_view>
#include <vector>

#include "logdx/parsers/input_set.hpp"

namespace logdx::input {

// A host name as rsyslog's %HOSTNAME% or %FROMHOST-IP% writes it: dot-separated labels of 1 to
// 63 letters, digits, '-' or '_' (253 at most), or an IPv6 address.
bool host_like_name(std::string_view name);

// Sets `folder_host` on `inputs` (all found under `root`) from the first folder below `root`.
void name_folder_hosts(std::string_view root, std::vector<ResolvedInput>::iterator first,
                       std::vector<ResolvedInput>::iterator last);

}  // namespace logdx::input
