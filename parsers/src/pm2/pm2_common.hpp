#pragma once
// Pieces shared by the pm2 parsers: the daemon's own line shape (`STAMP: PM2 log: text`, which
// ~/.pm2/pm2.log holds and `pm2 logs` repeats behind a `PM2 | ` prefix), the structured facts in
// the daemon's messages (App [name:id] exited with code [N] via signal [SIG], ...), and how an
// app line's origin is recorded.

#include <string_view>

#include "logdx/parsers/event.hpp"

namespace logdx::pm2 {

// What the body of a daemon line turned out to be.
enum class DaemonBody : std::uint8_t {
  none,     // not `[STAMP: ]PM2 <level>: text`
  message,  // a message; the event got time (if stamped), level and message
  rule,     // the `=====...` banner rule around the daemon start table: carries nothing
};

// Reads `[YYYY-MM-DDTHH:MM:SS: |YYYY-MM-DD HH:MM:SS: ]PM2 log: text` (or `PM2 error: `); the
// stamp is optional when `stamp_optional`. Fills time/time_text, level, message and the daemon
// identity (source pm2, process "PM2") plus the facts annotate_daemon_message() finds.
DaemonBody parse_daemon_body(std::string_view body, bool stamp_optional, Event& event);

// Source pm2, process "PM2".
void set_daemon_identity(Event& event);

// Pulls app / pm_id / exit_code / signal / status / ... out of a daemon message such as
// `App [openclaw:0] exited with code [1] via signal [SIGINT]`; leaves the message alone.
void annotate_daemon_message(std::string_view message, Event& event);

// An app line's origin: app name, pm id (may be empty), stream ("stdout"/"stderr", may be empty).
// Source is classified from the app name (a gateway app is the gateway) with `app` as fallback.
void set_app_origin(Event& event, std::string_view app, std::string_view pm_id,
                    std::string_view stream);

// pm2's stream words ("out", "err", "error") as the field value used everywhere ("stdout",
// "stderr"); empty for anything else.
std::string_view stream_from_type(std::string_view type);

// True for a run of at least 10 '=' and nothing else (the daemon banner rule).
bool is_rule(std::string_view text);

}  // namespace logdx::pm2
