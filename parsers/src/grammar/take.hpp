#pragma once
// Runs an X3 rule whose attribute is a raw range at the front of `rest`: on success the
// matched text goes to `out` and `rest` moves past everything the rule consumed.

#include <string_view>

#include <boost/spirit/home/x3.hpp>

namespace logdx::grammar {

template <typename Rule>
bool take(std::string_view& rest, const Rule& rule, std::string_view& out) {
  const char* first = rest.data();
  boost::iterator_range<const char*> range;
  if (!boost::spirit::x3::parse(first, rest.data() + rest.size(), rule, range)) return false;
  out = std::string_view(range.begin(), range.size());
  rest.remove_prefix(static_cast<std::size_t>(first - rest.data()));
  return true;
}

}  // namespace logdx::grammar
