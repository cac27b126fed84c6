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

from collections.abc import Iterator

import regex

from ..document import Document
from . import Context, Hit, Kind, Param, ParamError, register

# Only ordinal names are compared (区x次党代会, 区x届人大): a blank count (x人次, x件) filled with
# another number elsewhere is a different count, not the same blank.
_BLANK = regex.compile(
    r"(?P<left>\p{Han})(?P<x>[xX×]{1,2})(?P<right>[次届](?:党代会|党代表大会|全会|人大|人民代表大会|代表大会))"
)
_FILLED = r"[一二三四五六七八九十百零〇两\d]{1,3}"


@register
class ConsistencyKind(Kind):
    name = "consistency"
    params = {
        "groups": Param(list, [], "each {forms: [...], standard: form, source: text}"),
        "placeholders": Param(bool, False, "report blanks filled in one place and not in another"),
    }

    def setup(self) -> None:
        self.groups = []
        for i, group in enumerate(self.p["groups"], 1):
            if (
                not isinstance(group, dict)
                or not isinstance(group.get("forms"), list)
                or len(group["forms"]) < 2
            ):
                raise ParamError(f"groups 第{i}项必须含至少两个 forms")
            unknown = set(group) - {"forms", "standard", "source", "labels"}
            if unknown:
                raise ParamError(f"groups 第{i}项有未知的键“{sorted(unknown)[0]}”")
            try:
                forms = [regex.compile(f) for f in group["forms"]]
            except regex.error as exc:
                raise ParamError(f"groups 第{i}项的正则表达式有误：{exc}") from None
            standard = group.get("standard")
            if standard is not None and standard not in group["forms"]:
                raise ParamError(f"groups 第{i}项的 standard“{standard}”不在 forms 中")
            labels = group.get("labels") or [f for f in group["forms"]]
            self.groups.append((forms, group["forms"].index(standard) if standard else None, labels))

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        for forms, standard, labels in self.groups:
            found = [[(para, m) for para in doc.paragraphs for m in f.finditer(para.text)] for f in forms]
            used = [i for i, occ in enumerate(found) if occ]
            if len(used) < 2:
                continue
            if standard is not None and standard in used:
                keep = standard
            else:
                keep = max(used, key=lambda i: (len(found[i]), -i))
            first_para, _ = found[keep][0]
            for i in used:
                if i == keep:
                    continue
                for para, m in found[i]:
                    why = "规范写法" if i != keep and keep == standard else "文中多数写法"
                    yield Hit(
                        para.start + m.start(),
                        para.start + m.end(),
                        {
                            "detail": f"“{m.group()}”与第{first_para.line}行的“{labels[keep]}”（{why}）混用，请统一",
                        },
                        replacement=labels[keep] if keep == standard and "\\" not in labels[keep] else None,
                    )
        if self.p["placeholders"]:
            yield from self._blanks(doc)

    @staticmethod
    def _blanks(doc: Document) -> Iterator[Hit]:
        seen: set[tuple[str, str]] = set()
        for para in doc.paragraphs:
            for m in _BLANK.finditer(para.text):
                key = (m.group("left"), m.group("right"))
                if key in seen:
                    continue
                seen.add(key)
                filled = regex.compile(rf"{regex.escape(key[0])}(?P<n>{_FILLED}){regex.escape(key[1])}")
                for other in doc.paragraphs:
                    for f in filled.finditer(other.text):
                        yield Hit(
                            other.start + f.start(),
                            other.start + f.end(),
                            {
                                "detail": f"“{f.group()}”与第{para.line}行未填写的“{m.group()}”不一致：同一处内容一处已填写、一处仍为占位符",
                            },
                        )
