#pragma once
// Coloured terminal output pasted as HTML: a terminal-to-HTML converter (aha, ansi2html, a
// terminal's "copy as HTML") or a `<pre>` block typed into an issue keeps the colours as inline
// markup, e.g. `<span style="color:#CD0000"><b>● nginx.service </b></span>loaded ...` for the
// red rows of `systemctl --failed`. What the terminal showed is the text between the tags.
// A line pasted into a GitHub comment as HTML (`<code>LINE</code>`, `<p><pre>` opening a block
// inside `<details>`) is the same case.
// Only lines that hold such markup (a `<span style=` or a `<span class=` naming an ANSI
// colour, a `</span>` on a line that opens no other span, a line
// opening or closing a `<pre>` block, or one wrapped in `<code>`) are touched; there the inline
// tags a converter or GitHub writes (span, font, b, strong, i, em, u, pre, code, p) are removed and the five entities it escapes
// with (&lt; &gt; &amp; &quot; &#39;, and &nbsp;) are decoded. Other tags, HTML a program logged
// (an error page's <h1>, <center>) included, are kept, and so is every other byte.

#include <string>
#include <string_view>

namespace logdx::paste {

// Whether `text` holds terminal colour markup that strip_terminal_html_into would remove.
bool has_terminal_html(std::string_view text);

// `text` without the converter's inline tags and with its entities decoded, written into `out`
// (which must not alias `text`).
void strip_terminal_html_into(std::string_view text, std::string& out);

}  // namespace logdx::paste
