"""Spans that no rule should report on: URLs, e-mail addresses, file paths."""

from __future__ import annotations

import regex

# Host labels are all ASCII or all Chinese (例子.中国), so Chinese text right after a domain is not swallowed
# (登录https://www.example.gov.cn查询); a path may hold Chinese (…/通知/会议.html) and ends
# at whitespace or Chinese punctuation; a trailing , . ; : ! ? ) belongs to the sentence.
_PATH = r"""(?:/(?:[^\s<>"“”‘’（）《》，。；：！？、,;]|[,;](?=[a-z0-9]))*[^\s<>"“”‘’（）《》，。；：！？、.,;:!?)]|/)?"""
_PROTECTED = regex.compile(
    rf"""(?xi)
      (?:https?|ftp)://(?:[a-z0-9\-_~%]+|\p{{Han}}+)(?:\.(?:[a-z0-9\-_~%]+|\p{{Han}}+))*(?::\d+)?{_PATH}
    | www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+{_PATH}
    | [a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+             # e-mail
    """
)


def protected_spans(text: str, extra: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in _PROTECTED.finditer(text)]
    if extra:
        spans.extend(extra)
    spans.sort()
    return spans
