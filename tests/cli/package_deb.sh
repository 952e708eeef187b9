#!/usr/bin/env bash
# `cpack -G DEB` makes a package of this build folder (no second compile) that holds the
# binary, the rule pack, the man page and the three completions, and whose Depends was computed
# from the libraries the binary links. The packaged binary runs and is the one built.
# Usage: package_deb.sh BUILD_DIR SOURCE_DIR
set -uo pipefail
build="$(cd "$1" && pwd)"
source="$(cd "$2" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/lib.sh"

(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out") >"$work/cpack.log" 2>&1
status=$?
[ $status -eq 0 ] || cat "$work/cpack.log"
check "cpack -G DEB succeeds" $status
deb="$(ls "$work"/out/*.deb 2>/dev/null | head -1)"
[ -n "$deb" ]
check "a .deb was written" $?

contents="$(dpkg-deb -c "$deb" | awk '{print $6}')"
for path in ./usr/bin/logdx ./usr/share/man/man1/logdx.1.gz \
  ./usr/share/bash-completion/completions/logdx ./usr/share/zsh/vendor-completions/_logdx \
  ./usr/share/fish/vendor_completions.d/logdx.fish ./usr/share/logdx/rules/README.md; do
  grep -qxF "$path" <<<"$contents"
  check "the package holds $path" $?
done
for rule in "$source"/rules/*.yaml; do
  grep -qxF "./usr/share/logdx/rules/$(basename "$rule")" <<<"$contents"
  check "the package holds the rule file $(basename "$rule")" $?
done

info="$(dpkg-deb -I "$deb")"
grep -qE '^ Package: logdx$' <<<"$info"
check "the package is named logdx" $?
version="$("$build/logdx" --version | head -1 | cut -d' ' -f2)"
grep -qE "^ Version: $version$" <<<"$info"
check "the package version is the binary's ($version)" $?
depends="$(grep '^ Depends:' <<<"$info")"
# Every shared library the binary needs (which ones depends on LOGDX_STATIC_DEPS) comes from a
# package Depends names; libsystemd, loaded only to read a journal, is named by hand.
packages="$(tr ',' '\n' <<<"${depends#*:}" | awk '{print $1}')"
needed="$(ldd "$build/logdx" | awk '$2 == "=>" && $3 ~ /^\// {print $3}')"
[ -n "$needed" ]
check "ldd lists the shared libraries the binary needs" $?
for path in $needed; do
  # merged /usr: ldd may name /lib/... where dpkg recorded /usr/lib/..., or the other way
  package="$( (dpkg -S "$path" || dpkg -S "/usr$path" || dpkg -S "${path#/usr}") 2>/dev/null |
    head -1 | cut -d: -f1)"
  [ -n "$package" ] && grep -qxF "$package" <<<"$packages"
  check "Depends names ${package:-a package} for $path (shlibdeps): $depends" $?
done
# A library the binary does not load is linked in (LOGDX_STATIC_DEPS): its notice must ship.
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/doc/logdx/copyright >"$work/copyright" 2>/dev/null
for name in re2 hs sqlite3 yaml-cpp zstd z xxhash; do
  grep -q "/lib$name\.so" <<<"$needed" && continue
  grep -qE "^==== lib$name\.a \(Debian package [^)]+\) ====$" "$work/copyright" &&
    [ "$(sed -n "/^==== lib$name\.a /,/^==== /p" "$work/copyright" | wc -l)" -gt 5 ]
  check "the package's copyright file carries the notice of the linked-in lib$name.a" $?
done
grep -qF " libsystemd0" <<<"$depends"
check "Depends names libsystemd0: $depends" $?

dpkg-deb -x "$deb" "$work/root"
check "the package extracts" $?
[ "$("$work/root/usr/bin/logdx" --version)" = "$("$build/logdx" --version)" ]
check "the packaged logdx runs and is the one built" $?
cmp -s <(gzip -dc "$work/root/usr/share/man/man1/logdx.1.gz") "$source/docs/logdx.1"
check "the packaged man page is docs/logdx.1" $?
cmp -s "$work/root/usr/share/bash-completion/completions/logdx" "$source/completions/logdx.bash"
check "the packaged bash completion is completions/logdx.bash" $?
finish
