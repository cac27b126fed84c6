"""``pattern``: one or more regexes (the ``regex`` module, lookaround allowed), per paragraph.

Named groups become message variables; ``report`` names the group whose span is
reported when the match carries context around the problem.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..document import Document
from . import Context, Hit, Kind, Param, ParamError, register


@register
class PatternKind(Kind):
    name = "pattern"
    params = {
        "patterns": Param(list, doc="regexes; a match is a finding"),
        "ignorecase": Param(bool, False),
        "report": Param(str, None, "named group whose span is reported (default: the whole match)"),
        "replacement": Param(str, None, "fix template (\\g<name> allowed); none: no fix"),
        "headings": Param(bool, True, "also look in heading-like paragraphs"),
    }

    def setup(self) -> None:
        flags = regex.V1 | (regex.IGNORECASE if self.p["ignorecase"] else 0)
        self.compiled = []
        for source in self.p["patterns"]:
            if not isinstance(source, str):
                raise ParamError("patterns 中的每一项都必须是字符串")
            try:
                self.compiled.append(regex.compile(source, flags))
            except regex.error as exc:
                raise ParamError(f"正则表达式有误“{source}”：{exc}") from None
            report = self.p["report"]
            if report and report not in self.compiled[-1].groupindex:
                raise ParamError(f"正则表达式“{source}”中没有名为“{report}”的分组")

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        report = self.p["report"]
        template = self.p["replacement"]
        skip = set() if self.p["headings"] else _heading_indices(doc)
        for para in doc.paragraphs:
            if para.index in skip:
                continue
            for pattern in self.compiled:
                for m in pattern.finditer(para.text):
                    start, end = m.span(report) if report else m.span()
                    if start < 0 or start == end:
                        continue
                    variables = {k: v for k, v in m.groupdict().items() if v is not None}
                    variables["match"] = m.group(report) if report else m.group()
                    replacement = m.expand(template) if template is not None else None
                    yield Hit(para.start + start, para.start + end, variables, replacement)


def _heading_indices(doc: Document) -> set[int]:
    from ..structure import Role, classify

    roles = {Role.TITLE, Role.HEADING, Role.SECTION}
    return {
        i for i, info in enumerate(classify(doc)) if info.role in roles or doc.paragraphs[i].heading_level
    }
