// The prompt grammar in Boost.Spirit X3. The grammar only recognises the prompt; whatever
// follows it is the command, so it needs no attributes. Known command words for the '#'
// form are checked by a semantic action against a constexpr list.

#include "paste/shell_prompt.hpp"

#include <algorithm>
#include <boost/spirit/home/x3.hpp>
#include <iterator>

namespace logdx::paste {
namespace {

namespace x3 = boost::spirit::x3;

// Commands people type as root when collecting logs for an OpenClaw gateway.
constexpr std::string_view kKnownCommands[] = {
    "journalctl", "systemctl", "pm2",  "docker",   "docker-compose", "podman",  "dmesg",
    "openclaw",   "sudo",      "cat",  "tail",     "head",           "zcat",    "grep",
    "less",       "npm",       "npx",  "pnpm",     "node",           "curl",    "wget",
    "ss",         "netstat",   "lsof", "ufw",      "iptables",       "kubectl", "service",
    "nginx",      "caddy",     "free", "launchctl"};

const auto known_command = [](auto& ctx) {
  auto& range = x3::_attr(ctx);
  const std::string_view word(&*range.begin(), static_cast<std::size_t>(range.size()));
  x3::_pass(ctx) = std::find(std::begin(kKnownCommands), std::end(kKnownCommands), word) !=
                   std::end(kKnownCommands);
};

const auto lower = x3::char_('a', 'z');
const auto letter = lower | x3::char_('A', 'Z');
const auto digit = x3::char_('0', '9');
const auto name_char = letter | digit | x3::char_("_.") | x3::char_('-');
const auto end_of_prompt = x3::lit(' ') | x3::eoi;
const auto prompt_char = x3::char_("$#%");

const auto user_host = (letter | '_') >> x3::repeat(0, 31)[name_char] >> '@' >>
                       (letter | digit) >> x3::repeat(0, 62)[name_char];
const auto abs_path = (x3::lit('~') | '/') >> *(x3::char_ - x3::char_(" $#%"));
const auto debian = user_host >> ':' >> -abs_path >> -x3::lit(' ') >> prompt_char >> end_of_prompt;
const auto zsh = user_host >> ' ' >> abs_path >> ' ' >> prompt_char >> end_of_prompt;
const auto bracketed = '[' >> user_host >> ' ' >> +(x3::char_ - x3::char_(" ]")) >>
                       ']' >> prompt_char >> end_of_prompt;
const auto venv = '(' >> +(x3::char_ - x3::char_(" ()")) >> ") ";
const auto unix_user_prompt = -venv >> (debian | zsh | bracketed);

const auto dollar = x3::lit('$') >> end_of_prompt;
const auto root_hash = x3::lit('#') >> +x3::lit(' ') >> &x3::raw[+(x3::char_ - ' ')][known_command];

const auto windows_dir_char = x3::char_ - x3::char_("<>|\"");
const auto powershell = x3::lit("PS ") >> ((letter >> ":\\") | '/' | '~') >> *windows_dir_char >>
                        '>' >> end_of_prompt;
const auto cmd_exe = letter >> ":\\" >> *(windows_dir_char - ':') >> '>';

const auto starship = x3::lit("\xE2\x9D\xAF") >> end_of_prompt;     // ❯
const auto oh_my_zsh = x3::lit("\xE2\x9E\x9C") >> +x3::lit(' ') >>  // ➜
                       +(x3::char_ - ' ') >> -(x3::lit(" git:(") >> *(x3::char_ - ')') >> ')') >>
                       -x3::lit(" \xE2\x9C\x97") >> (+x3::lit(' ') | x3::eoi);  // ✗ (dirty tree)

const auto shell_prompt =
    dollar | root_hash | unix_user_prompt | powershell | cmd_exe | starship | oh_my_zsh;

std::string_view trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return text.substr(text.size());
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace

std::optional<std::string_view> match_shell_prompt(std::string_view line) {
  const char* first = line.data();
  const char* const last = line.data() + line.size();
  if (!x3::parse(first, last, shell_prompt)) return std::nullopt;
  return trim(std::string_view(first, static_cast<std::size_t>(last - first)));
}

}  // namespace logdx::paste
