// The rule language versions this engine reads (docs/rules.md).
namespace logdx {

int rule_language_version() { return 1; }

}  // namespace logdx
