"""A git merge driver for Qt Linguist .ts files: the union of both sides' translations.

Two branches that each add texts conflict in the one catalogue file, although their messages never
overlap. Registered once per clone:

    git config merge.ts-union.driver "python build_spec/ts_merge.py %O %A %B"

(`.gitattributes` names the driver for `*.ts`). The merged file keeps the current side's order and appends
the other side's new messages to their context; `translations.py update` then re-orders them as the
sources do. Where both sides translate one text differently, the current side wins.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def _key(message: ET.Element) -> tuple[str, str]:
    return (message.findtext("source") or "", message.findtext("comment") or "")


def _finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    return translation is not None and translation.get("type") != "unfinished" and bool(translation.text)


def merge(ours: ET.ElementTree, theirs: ET.ElementTree) -> ET.ElementTree:
    contexts = {c.findtext("name"): c for c in ours.getroot().findall("context")}
    for their_context in theirs.getroot().findall("context"):
        name = their_context.findtext("name")
        our_context = contexts.get(name)
        if our_context is None:
            ours.getroot().append(their_context)
            contexts[name] = their_context
            continue
        our_messages = {_key(m): m for m in our_context.findall("message")}
        for message in their_context.findall("message"):
            mine = our_messages.get(_key(message))
            if mine is None:
                our_context.append(message)
            elif not _finished(mine) and _finished(message):
                our_context.remove(mine)
                our_context.append(message)
    return ours


def write(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    lines = ET.tostring(tree.getroot(), encoding="unicode").splitlines()
    # lupdate writes the contexts at the left margin, one level less than ElementTree's indent
    body = "\n".join(line[4:] if line.startswith("    ") else line for line in lines)
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    _base, current, other = (Path(a) for a in argv[1:4])
    write(merge(ET.parse(current), ET.parse(other)), current)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
