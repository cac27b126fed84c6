"""``pattern``: one or more regexes (the ``regex`` module, lookaround allowed), per paragraph.

Named groups become message variables; ``report`` names the group whose span is
reported when the match carries context around the problem.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..document import Paragraph
from ..schema import param
from . import Context, Kind, ParamError, register

_GROUP_REF = regex.compile(r"\\g<([^>]*)>|\\([0-9]{1,2})")


@dataclass(frozen=True)
class PatternParams:
    patterns: list[str] = param(doc="正则表达式列表；每处匹配报告一次", regex_=True, nonempty=True)
    ignorecase: bool = param(False, "不区分大小写")
    report: str | None = param(None, "只报告这个命名分组的范围（默认：整个匹配）")
    replacement: str | None = param(None, "修正模板（可用 \\g<分组名>）；不设则不提供修正")
    translate: dict[str, str] = param({}, "逐字替换表（全角数字→半角等）：修正为把报告的文字逐字替换后的结果")


@register
class PatternKind(Kind):
    name = "pattern"
    title = "正则表达式匹配的写法"
    Params = PatternParams

    @classmethod
    def variables(cls, params: PatternParams) -> dict[str, frozenset[str]]:
        groups: set[str] = set()
        for source in params.patterns:
            groups.update(regex.compile(source, regex.V1).groupindex)
        return {"default": frozenset(groups)}

    def setup(self) -> None:
        if any(len(k) != 1 for k in self.p.translate):
            raise ParamError("translate 的每个键都必须是单个字符")
        if self.p.translate and self.p.replacement is not None:
            raise ParamError("replacement 和 translate 只能设一个")
        self.table = str.maketrans(self.p.translate) if self.p.translate else None
        flags = regex.V1 | (regex.IGNORECASE if self.p.ignorecase else 0)
        self.compiled = [regex.compile(source, flags) for source in self.p.patterns]
        for source, pattern in zip(self.p.patterns, self.compiled, strict=True):
            if self.p.report and self.p.report not in pattern.groupindex:
                raise ParamError(f"正则表达式“{source}”中没有名为“{self.p.report}”的分组")
            if self.p.replacement is not None:
                for name, number in _GROUP_REF.findall(self.p.replacement):
                    known = name in pattern.groupindex or (name.isdigit() and int(name) <= pattern.groups)
                    if (name and not known) or (number and int(number) > pattern.groups):
                        raise ParamError(
                            f"修正模板“{self.p.replacement}”引用了正则表达式“{source}”中没有的分组"
                        )

    def check(self, para: Paragraph, ctx: Context) -> None:
        report = self.p.report
        template = self.p.replacement
        text = para.text
        for pattern in self.compiled:
            for m in pattern.finditer(text):
                start, end = m.span(report) if report else m.span()
                if start < 0 or start == end:
                    continue
                variables = {k: v for k, v in m.groupdict().items() if v is not None}
                if template is not None:
                    replacement = m.expand(template)
                elif self.table is not None:
                    replacement = text[start:end].translate(self.table)
                else:
                    replacement = None
                ctx.hit(para, start, end, fix=replacement, values=variables)
