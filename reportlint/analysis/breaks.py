"""Where a paragraph was cut: by a page break, or by hard wrapping.

Shared by broken-paragraph (which reports the cut) and missing-end-punctuation
(which must not report the same place again); the analysis step computes it once.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from ..document import Document, Paragraph
from ..textutil import is_han, is_word, segment
from .roles import Info, Role, ends_sentence

# Words after which a sentence cannot end.
_DANGLING = set("的和与及或对在为把将被向从以于之其并而且但等、，,")
# Single characters that may well begin a sentence.
_STARTERS = set(
    "在对为把将从以按经据由向与同和但而并又也还再更要让使是有我这该其各每全共新本今去近据如若虽因所"
)


_RUNNING = (Role.BODY, Role.HEADING, Role.GLOSSARY)


@dataclass(frozen=True)
class Break:
    first: int  # index of the paragraph cut off
    last: int  # index of the last paragraph of the run (hard wraps join several)
    kind: str  # "join" (halves form a word), "lost" (text seems missing), "cut", "wrap"
    word: str = ""


def find_breaks(doc: Document, infos: list[Info]) -> dict[int, Break]:
    """Cuts by the index of the paragraph cut off; ``infos`` are the paragraphs' roles."""
    result: dict[int, Break] = {}
    paras = doc.paragraphs
    gaps = [p.blank_before for p in paras[1:]]
    spaced = bool(gaps) and median(gaps) >= 1
    i = 0
    while i < len(paras) - 1:
        p, n = paras[i], paras[i + 1]
        info, ninfo = infos[i], infos[i + 1]
        if (
            spaced
            and n.blank_before == 0
            and p.text.rstrip()[-1:] in ";；"
            and info.role in (Role.BODY, Role.HEADING)
        ):
            j = i + 1
            while (
                j + 1 < len(paras) and paras[j + 1].blank_before == 0 and paras[j].text.rstrip()[-1:] in ";；"
            ):
                j += 1
            result[i] = Break(i, j, "wrap")
            i = j + 1
            continue
        b = _page_break(p, n, info, ninfo)
        if b:
            result[i] = Break(i, i + 1, *b)
        i += 1
    return result


def _page_break(p: Paragraph, n: Paragraph, info: Info, ninfo: Info) -> tuple[str, str] | None:
    text = p.text
    role, nrole = info.role, ninfo.role
    # Only running text is cut by a page break; a title, a table cell or a line of web furniture ends
    # where it ends, and nothing runs on into a table or into furniture. A numbered item is followed by
    # the next item, not by the rest of a cut sentence.
    if ends_sentence(text) or role not in _RUNNING or nrole in (Role.NOISE, Role.TABLE) or ninfo.level:
        return None
    if len(text) < 8:
        return None  # a fragment of a few characters (a split table header, 序 / 号) says nothing of a cut
    if info.level is not None and "。" not in text and text[-1] not in "，,、":
        return None  # a numbered heading ends without punctuation by design
    last = text[-1]
    word = _junction_word(text, n.text)
    if word and nrole == Role.BODY:
        return "join", word
    if n.text[0] in "”’）)》】，,。、；;：:！!？?":
        return "cut", ""
    if (last.isascii() and last.isalnum() and n.text[0].isdigit()) or n.text[0] in "（(":
        return "cut", ""  # 以PM ⏎ 2.5 / 工业总产值3593亿元 ⏎ （1990年不变价）
    if last in "，,、" or last in _DANGLING:
        return "lost", ""
    tail = segment(text[-8:])
    head = segment(n.text[:8])
    if is_han(last) and len(tail[-1]) == 1 and last not in "了吧呢啊":
        return "lost", ""
    if nrole == Role.BODY and len(head[0]) == 1 and is_han(head[0]) and head[0] not in _STARTERS:
        return "cut", ""
    return None


def _junction_word(before: str, after: str) -> str:
    """A dictionary word of 2-4 characters that the break cuts in two (项目建 | 设中 → 建设)."""
    for k in (1, 2, 3):
        for m in (1, 2, 3):
            if k + m > 4 or k > len(before) or m > len(after):
                continue
            word = before[-k:] + after[:m]
            if (
                all(is_han(c) for c in word)
                and is_word(word)
                and not is_word(before[-k:] + after[: m - 1] if m > 1 else "x")
            ):
                tail_tokens = segment(before[-6:])
                if len(tail_tokens[-1]) <= k:  # the end of the first half is not already a whole word
                    return word
    return ""
