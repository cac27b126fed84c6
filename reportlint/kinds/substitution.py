"""``substitution``: a wrong → right table matched in one pass however long it is.

Entries may carry ``except`` (longer correct words that contain the wrong form)
and ``since`` (the year from which the wrong form is wrong, for terms renamed by
reform). A list of right forms makes the fix unsafe: the drafter must choose.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Document
from . import Context, Hit, Kind, Param, ParamError, register
from ._trie import compile_words

_ENTRY_KEYS = {"wrong", "right", "source", "reason", "except", "since"}


@dataclass(frozen=True)
class Entry:
    wrong: str
    right: tuple[str, ...]
    exceptions: tuple[tuple[str, tuple[int, ...]], ...]  # (word, offsets of wrong inside word)
    since: int | None
    source: str


def parse_table(table: list) -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    for i, raw in enumerate(table, 1):
        if not isinstance(raw, dict) or "wrong" not in raw or "right" not in raw:
            raise ParamError(f"table 第{i}项必须含 wrong 和 right")
        bad = set(raw) - _ENTRY_KEYS
        if bad:
            raise ParamError(f"table 第{i}项有未知的键“{sorted(bad)[0]}”")
        wrong = raw["wrong"]
        right = raw["right"]
        right = tuple(right) if isinstance(right, list) else (right,)
        if not isinstance(wrong, str) or not wrong or not right or not all(isinstance(r, str) for r in right):
            raise ParamError(f"table 第{i}项的 wrong/right 必须是非空字符串")
        if wrong in right:
            raise ParamError(f"table 第{i}项“{wrong}”的 wrong 与 right 相同")
        if wrong in entries:
            raise ParamError(f"table 中“{wrong}”出现了两次")
        exceptions = []
        for word in raw.get("except", []) or []:
            offsets = tuple(i for i in range(len(word)) if word.startswith(wrong, i))
            if not offsets:
                raise ParamError(f"table 第{i}项的 except 词“{word}”不包含“{wrong}”")
            exceptions.append((word, offsets))
        since = raw.get("since")
        if since is not None and not isinstance(since, int):
            raise ParamError(f"table 第{i}项的 since 必须是年份")
        entries[wrong] = Entry(
            wrong, right, tuple(exceptions), since, str(raw.get("source") or raw.get("reason") or "")
        )
    return entries


def inside_exception(text: str, start: int, entry: Entry) -> bool:
    for word, offsets in entry.exceptions:
        for k in offsets:
            if text.startswith(word, start - k) and start - k >= 0:
                return True
    return False


@register
class SubstitutionKind(Kind):
    name = "substitution"
    default_fix = "safe"
    params = {"table": Param(list, doc="entries {wrong, right, source|reason, except, since}")}

    def setup(self) -> None:
        self.entries = parse_table(self.p["table"])
        self.pattern = compile_words(self.entries)

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        for para in doc.paragraphs:
            for m in self.pattern.finditer(para.text):
                entry = self.entries[m.group()]
                if entry.since is not None and ctx.year is not None and ctx.year < entry.since:
                    continue
                if entry.exceptions and inside_exception(para.text, m.start(), entry):
                    continue
                yield Hit(
                    para.start + m.start(),
                    para.start + m.end(),
                    {
                        "replacement": "”或“".join(entry.right),
                        "since": entry.since or "",
                        "source": entry.source,
                    },
                    replacement=entry.right[0],
                    safe=len(entry.right) == 1,
                )
