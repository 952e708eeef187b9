#!/usr/bin/env python3
"""Every relative link in README.md and docs/*.md resolves inside the repository.

A user reads these files on GitHub, in a .deb's /usr/share/doc or in a checkout: a link to a
file that is not there, or that leaves the repository (`../shared/...`), is a dead end. Checks
Markdown links `[text](target)` and reference definitions `[id]: target`, plus paths written in
backticks that name a Markdown file outside the repository. Web links are not fetched.
Usage: doc_links.py REPO_ROOT
"""
import os
import re
import sys

LINK = re.compile(r"(?<!!)\[[^\]\n]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
IMAGE = re.compile(r"!\[[^\]\n]*\]\(([^)\s]+)\)")
REFERENCE = re.compile(r"^\s*\[[^\]\n]+\]:\s*(\S+)", re.MULTILINE)
# A file named in backticks (`docs/rules.md`, `../shared/contract.md`) is a pointer too.
CODE_PATH = re.compile(r"`((?:\.\./|/work/|[\w.-]+/)[^`\s]*\.md)`")
# Anything that names the team's notes outside the repository, in prose or in a comment.
OUTSIDE_MENTION = re.compile(r"\.\./shared/|/work/shared")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)


def documents(root):
    yield os.path.join(root, "README.md")
    docs = os.path.join(root, "docs")
    for name in sorted(os.listdir(docs)):
        if name.endswith(".md"):
            yield os.path.join(docs, name)


def targets(text):
    # Example output in fences is not a link (blanked, so line numbers still count).
    prose = FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    for pattern in (LINK, IMAGE, REFERENCE):
        for m in pattern.finditer(prose):
            yield m.group(1), prose.count("\n", 0, m.start()) + 1
    for m in CODE_PATH.finditer(prose):
        yield m.group(1), prose.count("\n", 0, m.start()) + 1
    for m in OUTSIDE_MENTION.finditer(text):
        yield "../shared/", text.count("\n", 0, m.start()) + 1


def problem(root, document, target):
    if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
        return None  # a web link, mailto:, or an anchor in the same file
    path = target.split("#", 1)[0]
    if not path:
        return None
    if path.startswith("/") or path.startswith("../shared"):
        return "points outside the repository"
    # Relative to the document (a link), or to the repository root (a path in backticks).
    candidates = [os.path.realpath(os.path.join(base, path)) for base in (os.path.dirname(document), root)]
    inside = [c for c in candidates if os.path.commonpath([c, root]) == root]
    if not inside:
        return "points outside the repository"
    if not any(os.path.exists(c) for c in inside):
        return "does not exist"
    return None


def main():
    root = os.path.realpath(sys.argv[1])
    failures = []
    checked = 0
    for document in documents(root):
        with open(document, encoding="utf-8") as f:
            text = f.read()
        for target, line in targets(text):
            checked += 1
            why = problem(root, document, target)
            if why:
                failures.append(f"{os.path.relpath(document, root)}:{line}: {target} {why}")
    for required in ("docs/output.md", "docs/contract.md", "docs/causes.md"):
        if not os.path.isfile(os.path.join(root, required)):
            failures.append(f"{required} is missing (the output contract and the cause vocabulary)")
    for f in failures:
        print("FAIL:", f)
    print(f"{checked} links checked, {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
