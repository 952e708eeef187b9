#pragma once
// The text of a rule file, held once however many holders it has: a file read at run time
// owns its bytes (shared), the built-in pack's text is the binary's own data and is only
// pointed at. Copying the pack's 0.6 MB of YAML twice at every start (into the loader's input,
// then into the SourceText every position shares) was an eighth of a one-line run's page faults.

#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace logdx {

class SharedText {
 public:
  SharedText() = default;
  // Owns a copy of `text` (shared by every copy of this SharedText).
  SharedText(std::string text)  // NOLINT: implicit, so a RuleText is built from a std::string
      : SharedText(std::make_shared<const std::string>(std::move(text))) {}
  SharedText(const char* text) : SharedText(std::string(text)) {}  // NOLINT: as above
  explicit SharedText(std::shared_ptr<const std::string> owned)
      : owned_(std::move(owned)), view_(owned_ ? std::string_view(*owned_) : std::string_view()) {}
  // Points at `text` without copying it: for data that outlives every holder (static storage).
  static SharedText of_static(std::string_view text) {
    SharedText out;
    out.view_ = text;
    return out;
  }

  std::string_view view() const { return view_; }
  operator std::string_view() const { return view_; }  // NOLINT: reads as the text it is
  bool empty() const { return view_.empty(); }
  std::size_t size() const { return view_.size(); }
  friend bool operator==(const SharedText& a, const SharedText& b) { return a.view_ == b.view_; }

 private:
  std::shared_ptr<const std::string> owned_;  // null for static text
  std::string_view view_;                     // into *owned_ or the static text
};

}  // namespace logdx
