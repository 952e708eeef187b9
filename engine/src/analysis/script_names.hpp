#pragma once
// Which app runs which script, as the input itself says. pm2 names an app it gave up on by its
// script path ("Script /srv/bot/index.js had too many unstable restarts"), every other line by
// the app's name ("App [bot:0] exited ..."); without a tie the two are different subjects to
// folding. A tie is made by kept lines of a context rule of cause `subject_alias`
// (docs/rules.md, "Context rules"):
// - one line capturing both `script` and `app`;
// - a line capturing only `app` and, at most a dozen lines below it in the same input, a line
//   of the same rule capturing only `script` (the `name` and `script path` rows of one
//   `pm2 describe` table, each a line of its own);
// - a line capturing `script` on a line of an app (`0|bot | at Object.<anonymous>
//   (/srv/bot/index.js:1:53)`: pm2 relays the app's own output behind its prefix).
//
// A path that merely looks like an app's name (/srv/bot/index.js and app `bot`) is no tie:
// people name pm2 apps freely (`bot`, `bot-worker` and `api` may all run from /srv/bot), so
// the guess would fold one app's loop under another app's fault. Only a line that names both
// counts, and a script tied to two apps (one file started twice under two names) stays untied.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/draft.hpp"
#include "analysis/matched_event.hpp"
#include "logdx/engine/compiled_rule.hpp"

namespace logdx::analysis {

class ScriptNames {
 public:
  // `alias_hits`: the kept hits of the `subject_alias` context rules.
  ScriptNames(const std::vector<std::uint32_t>& alias_hits, const KeptEvents& events,
              const KeptHits& hits);

  // The one app tied to `script` (a normalised subject name), or nullptr when no line ties it
  // or lines tie it to different apps.
  const std::string* app_of(std::string_view script) const;

  // The app of the table a line without an app sits in: the nearest app-only line of these
  // rules (a `pm2 describe` heading or `name` row) within a table's rows of it in the same
  // input, or nullptr when there is none or two apps are equally near. pm2 describe's
  // `status │ errored` row is a line of its own between its heading and its `name` row.
  const std::string* app_beside(std::uint32_t input, std::uint64_t line) const;

  // The app a draft of `rule` (which captures `app`) names by where its lines are, when no
  // line of it captured one: the one app every line sits beside, else nullptr.
  const std::string* table_app_of(const Draft& draft, const CompiledRule& rule,
                                  const KeptEvents& events, const KeptHits& hits) const;

 private:
  struct AppLine {
    std::uint32_t input = 0;
    std::uint64_t line = 0;
    std::string app;
  };

  void tie(std::string_view script, std::string_view app);

  std::unordered_map<std::string, std::vector<std::string>> apps_;
  std::vector<AppLine> app_lines_;
};

// The cause of the context rules whose lines tie a script path to its app.
inline constexpr std::string_view kSubjectAlias = "subject_alias";
// The cause of the context rules that only say what the input shows (a container, a build),
// for rules that join them: their lines are never an app's last words.
inline constexpr std::string_view kInputFact = "input_fact";

}  // namespace logdx::analysis
