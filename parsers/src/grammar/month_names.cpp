// The localised table comes from glibc 2.36's locale sources (/usr/share/i18n/locales/<loc>,
// the `abmon` and `ab_alt_mon` entries, Debian package `locales`), for fr_FR de_DE es_ES it_IT
// pt_PT (pt_BR copies it) nl_NL ru_RU pl_PL sv_SE da_DK nb_NO cs_CZ tr_TR fi_FI; regenerate
// from there rather than editing by hand. No name means two months in two locales.

#include "grammar/month_names.hpp"

#include <array>
#include <utility>

#include "logdx/parsers/timestamp.hpp"

namespace logdx::grammar {
namespace {

// Lower-cased (ASCII only), names that equal the English ones left out.
constexpr std::array<std::pair<std::string_view, unsigned>, 95> kLocalMonths{
    {{"ene", 1},    {"gen", 1},   {"jan.", 1},   {"janv.", 1}, {"led", 1},  {"oca", 1},
     {"sty", 1},    {"tammi", 1}, {"янв", 1},    {"feb.", 2},  {"fev", 2},  {"févr.", 2},
     {"helmi", 2},  {"lut", 2},   {"úno", 2},    {"Şub", 2},   {"фев", 2},  {"bře", 3},
     {"maalis", 3}, {"mars", 3},  {"mrt", 3},    {"mär", 3},   {"мар", 3},  {"abr", 4},
     {"april", 4},  {"avril", 4}, {"dub", 4},    {"huhti", 4}, {"kwi", 4},  {"nis", 4},
     {"апр", 4},    {"kvě", 5},   {"mag", 5},    {"mai", 5},   {"maj", 5},  {"mei", 5},
     {"touko", 5},  {"май", 5},   {"мая", 5},    {"cze", 6},   {"giu", 6},  {"haz", 6},
     {"juin", 6},   {"juni", 6},  {"kesä", 6},   {"čen", 6},   {"июн", 6},  {"heinä", 7},
     {"juil.", 7},  {"juli", 7},  {"lip", 7},    {"lug", 7},   {"tem", 7},  {"čec", 7},
     {"июл", 7},    {"ago", 8},   {"août", 8},   {"aug.", 8},  {"ağu", 8},  {"elo", 8},
     {"sie", 8},    {"srp", 8},   {"авг", 8},    {"eyl", 9},   {"sep.", 9}, {"sept.", 9},
     {"set", 9},    {"syys", 9},  {"wrz", 9},    {"zář", 9},   {"сен", 9},  {"eki", 10},
     {"loka", 10},  {"oct.", 10}, {"okt", 10},   {"okt.", 10}, {"ott", 10}, {"out", 10},
     {"paź", 10},   {"říj", 10},  {"окт", 10},   {"kas", 11},  {"lis", 11}, {"marras", 11},
     {"nov.", 11},  {"ноя", 11},  {"ara", 12},   {"des.", 12}, {"dez", 12}, {"dic", 12},
     {"déc.", 12},  {"gru", 12},  {"joulu", 12}, {"pro", 12},  {"дек", 12}

    }};

bool equal_fold_ascii(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

}  // namespace

unsigned month_from_name(std::string_view name) {
  if (name.size() == 3) {
    if (const unsigned m = month_from_abbrev(name); m != 0) return m;
  }
  if (name.size() > kMaxMonthNameBytes) return 0;
  for (const auto& [local, month] : kLocalMonths) {
    if (equal_fold_ascii(name, local)) return month;
  }
  return 0;
}

}  // namespace logdx::grammar
