#pragma once
// Shell prompts in pasted terminal sessions ("ocuser@srv:~$ pm2 ls", "PS C:\Users\alice>
// openclaw gateway run"), so the reader can tell the commands typed from the output.

#include <optional>
#include <string_view>

namespace logdx::paste {

// If the line is a shell prompt, the command typed after it (trimmed; empty for a bare
// prompt), pointing into line. nullopt when the line is not a prompt.
// Forms: "$ cmd"; "# cmd" only when cmd starts with a known admin command (a '#' line is
// more often a comment); "user@host:~/dir$ cmd" / "root@vm:/path# cmd" (Debian),
// "user@host ~ % cmd" (macOS zsh), "[user@host dir]$ cmd" (Fedora), each optionally after
// "(venv) "; "PS C:\Users\x> cmd" / "PS /home/x> cmd"; "C:\Users\x>cmd" (cmd.exe);
// "❯ cmd" (starship, pure); "➜  dir git:(main) ✗ cmd" (oh-my-zsh).
std::optional<std::string_view> match_shell_prompt(std::string_view line);

}  // namespace logdx::paste
