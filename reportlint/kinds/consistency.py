"""``consistency``: two forms of one term mixed in one document.

Each group lists its forms (regexes; a plain word is a regex too) and may name
the standard one. When a document uses more than one form, every occurrence of
a non-standard form is reported — or, without a standard, of the minority form.
A document that uses one form throughout is consistent and stays silent (a
misused-word table is the place for forms that are always wrong).

With ``placeholders`` on, a template blank filled in one place and left as x in
another (区九次党代会 / 区x次党代会) is reported at the filled place.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..document import Document, Paragraph
from ..schema import param
from ..textutil import on_word_boundaries
from . import Context, Kind, ParamError, register

# Only ordinal names are compared (区x次党代会, 区x届人大): a blank count (x人次, x件) filled with
# another number elsewhere is a different count, not the same blank.
_BLANK = regex.compile(
    r"(?P<left>\p{Han})(?P<x>[xX×]{1,2})(?P<right>[次届](?:党代会|党代表大会|全会|人大|人民代表大会|代表大会))"
)
_FILLED = r"[一二三四五六七八九十百零〇两\d]{1,3}"


@dataclass(frozen=True)
class Group:
    forms: list[str] = param(doc="同一术语的各种写法（正则表达式）", regex_=True)
    standard: str | None = param(None, "规范写法（forms 之一）；不设则报告少数写法")
    labels: list[str] | None = param(None, "提示语中各写法的显示形式（forms 是正则时用）")
    source: str = param("", "依据")
    since: int | None = param(None, "规范写法自哪一年起施行；更早的报告不报告", min=1949, max=2100)
    minority_only: bool = param(False, "只在不规范写法是文中少数时报告（全文统一用另一种写法时不报）")
    translate: dict[str, str] = param({}, "逐字替换表：修正为把不规范写法逐字替换（全角数字→半角）")


@dataclass(frozen=True)
class ConsistencyParams:
    groups: list[Group] = param([], "术语组：{forms, standard, labels, source, since}")
    placeholders: bool = param(False, "同一处内容一处已填写、一处仍为占位符时报告")
    boundaries: bool = param(False, "只数词边界上的写法（分词后首尾都是词的边界：串联|接通 中的“联接”不算）")


@register
class ConsistencyKind(Kind):
    name = "consistency"
    title = "同一术语在文中写法不一"
    scope = "document"
    Params = ConsistencyParams
    cases = {
        "nonstandard": ("standard", "where", "source"),
        "minority": ("majority", "where"),
        "blank": ("blank", "where"),
    }

    def setup(self) -> None:
        self.groups = []
        for i, group in enumerate(self.p.groups, 1):
            if len(group.forms) < 2:
                raise ParamError(f"groups 第{i}项必须含至少两个 forms")
            if group.standard is not None and group.standard not in group.forms:
                raise ParamError(f"groups 第{i}项的 standard“{group.standard}”不在 forms 中")
            labels = group.labels or group.forms
            if len(labels) != len(group.forms):
                raise ParamError(f"groups 第{i}项的 labels 与 forms 数目不同")
            forms = [regex.compile(f, regex.V1) for f in group.forms]
            standard = group.forms.index(group.standard) if group.standard else None
            self.groups.append((forms, standard, labels, group))

    def check(self, doc: Document, ctx: Context) -> None:
        for forms, standard, labels, group in self.groups:
            if (
                standard is not None
                and group.since is not None
                and ctx.year is not None
                and ctx.year < group.since
            ):
                continue
            found = [
                [
                    (para, m)
                    for para in ctx.analysis.text
                    for m in f.finditer(para.text)
                    if not self.p.boundaries or on_word_boundaries(para.text, m.start(), m.end())
                ]
                for f in forms
            ]
            used = [i for i, occ in enumerate(found) if occ]
            if len(used) < 2:
                continue
            keep = standard if standard is not None and standard in used else None
            if keep is None:
                keep = max(used, key=lambda i: (len(found[i]), -i))
            elif group.minority_only and any(len(found[i]) >= len(found[keep]) for i in used if i != keep):
                continue  # the document writes the other form throughout: a house style, not a slip
            first_para, first = found[keep][0]
            other = (first_para.start + first.start(), first_para.start + first.end())
            fixable = keep == standard and "\\" not in labels[keep] and not group.translate
            table = str.maketrans(group.translate) if group.translate else None
            for i in used:
                if i == keep:
                    continue
                for para, m in found[i]:
                    ctx.hit(
                        para,
                        m.start(),
                        m.end(),
                        case="nonstandard" if keep == standard else "minority",
                        fix=labels[keep]
                        if fixable
                        else m.group().translate(table)
                        if table and keep == standard
                        else None,
                        related=[other],
                        where=ctx.where(other[0]),
                        standard=labels[keep],
                        majority=labels[keep],
                        source=group.source,
                    )
        if self.p.placeholders:
            self._blanks(doc, ctx)

    @staticmethod
    def _blanks(doc: Document, ctx: Context) -> None:
        seen: set[tuple[str, str]] = set()
        for para in doc.paragraphs:
            for m in _BLANK.finditer(para.text):
                key = (m.group("left"), m.group("right"))
                if key in seen:
                    continue
                seen.add(key)
                blank = (para.start + m.start(), para.start + m.end())
                filled = regex.compile(rf"{regex.escape(key[0])}(?P<n>{_FILLED}){regex.escape(key[1])}")
                other: Paragraph
                for other in doc.paragraphs:
                    for f in filled.finditer(other.text):
                        ctx.hit(
                            other,
                            f.start(),
                            f.end(),
                            case="blank",
                            related=[blank],
                            blank=m.group(),
                            where=ctx.where(blank[0]),
                        )
