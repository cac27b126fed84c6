"""Spans that no rule should report on: URLs, e-mail addresses, file paths."""

from __future__ import annotations

import regex

_PROTECTED = regex.compile(
    r"""(?xi)
      (?:https?|ftp)://[^\s<>"“”‘’（）《》，。；：！？、]+     # URLs stop at Chinese punctuation
    | www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s<>"“”（）《》，。；：！？、]*
    | [a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+             # e-mail
    """
)


def protected_spans(text: str, extra: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in _PROTECTED.finditer(text)]
    if extra:
        spans.extend(extra)
    spans.sort()
    return spans
