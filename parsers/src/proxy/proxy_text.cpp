#include "proxy/proxy_text.hpp"

namespace logdx::proxy {
namespace {

bool is_upper_alpha(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace

Level level_from_http_status(unsigned status) {
  if (status >= 500 && status <= 599) return Level::error;
  if (status >= 400 && status <= 499) return Level::warning;
  return Level::info;
}

std::string strip_sgr(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      std::size_t j = i + 2;
      while (j < text.size() && ((text[j] >= '0' && text[j] <= '9') || text[j] == ';')) ++j;
      if (j < text.size() && text[j] == 'm') {
        i = j + 1;
        continue;
      }
    }
    out.push_back(text[i]);
    ++i;
  }
  return out;
}

std::string_view upstream_from_dial_error(std::string_view message) {
  for (std::string_view network : {"dial tcp ", "dial tcp4 ", "dial tcp6 ", "dial udp "}) {
    const std::size_t at = message.find(network);
    if (at == std::string_view::npos) continue;
    std::string_view rest = message.substr(at + network.size());
    const std::size_t end = rest.find(": ");
    if (end == std::string_view::npos) return {};
    std::string_view address = rest.substr(0, end);
    // An address has a port and no blanks; anything else is not what the dialer prints.
    if (address.empty() || address.find(' ') != std::string_view::npos ||
        address.rfind(':') == std::string_view::npos) {
      return {};
    }
    return address;
  }
  return {};
}

bool split_request_line(std::string_view request, RequestLine& out) {
  const std::size_t first = request.find(' ');
  const std::size_t last = request.rfind(' ');
  if (first == std::string_view::npos || first == 0 || last == first) return false;
  const std::string_view method = request.substr(0, first);
  for (char c : method) {
    if (!is_upper_alpha(c) && c != '-' && c != '_') return false;
  }
  const std::string_view protocol = request.substr(last + 1);
  if (protocol.substr(0, 5) != "HTTP/") return false;
  out.method = method;
  out.target = request.substr(first + 1, last - first - 1);
  out.protocol = protocol;
  return !out.target.empty();
}

}  // namespace logdx::proxy
