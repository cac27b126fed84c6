"""``formulation``: fixed official formulations quoted with items out of order, missing, or superseded.

Reports quote set formulas whose wording and order are fixed by the document that
issued them (四个自信: 道路自信、理论自信、制度自信、文化自信). A run of the items
joined by 、，和… is compared with the canonical order; a run introduced by the
formula's name (四个自信，即…) must list every item; an item replaced by a later
decision (四个全面: 全面建成小康社会 → 全面建设社会主义现代化国家, from 2021) is
reported in reports of the years after the change. Subsets quoted on purpose in the
right order (特别是核心意识、看齐意识) stay silent.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..document import Paragraph
from ..model import Applicability
from ..schema import param
from . import Context, Kind, ParamError, register

_GAP = regex.compile(r"[、，,和及与以及\s]{1,3}")


@dataclass(frozen=True)
class Formulation:
    name: str = param(doc="表述的名称（四个自信）", nonempty=True)
    items: list[str] = param(doc="规范顺序的各项", nonempty=True)
    markers: list[str] = param([], "引出全部各项的名称（四个自信）：紧跟其后列举时须列全")
    replaced: dict[str, str] = param(
        {}, "被后来的决定替换的项：旧项 → 新项（自 replaced_since 年起报告旧项）"
    )
    replaced_since: int | None = param(None, "替换自哪一年的报告起施行", min=1949, max=2100)
    since: int | None = param(None, "规范表述自哪一年的报告起施行；更早的报告不检查", min=1949, max=2100)
    min_items: int | None = param(None, "至少列出几项才比较顺序（默认用 min_items 参数）", min=2)
    source: str = param("", "依据（文件与年份）")


@dataclass(frozen=True)
class FormulationParams:
    formulations: list[Formulation] = param(
        doc="规范表述：{name, items, markers, replaced, since, source}", nonempty=True
    )
    min_items: int = param(3, "至少列出几项才比较顺序（两项的表述比较两项）", min=2)


@register
class FormulationKind(Kind):
    name = "formulation"
    title = "规范表述的顺序、缺项与更新"
    Params = FormulationParams
    default_fix = "unsafe"
    cases = {
        "order": ("name", "canonical", "source"),
        "missing": ("name", "missing", "source"),
        "replaced": ("name", "since", "source"),
    }

    def setup(self) -> None:
        self.compiled = []
        for i, f in enumerate(self.p.formulations, 1):
            if len(set(f.items)) != len(f.items):
                raise ParamError(f"formulations 第{i}项的 items 有重复")
            unknown = set(f.replaced.values()) - set(f.items)
            if unknown:
                raise ParamError(f"formulations 第{i}项 replaced 的新项“{sorted(unknown)[0]}”不在 items 中")
            # every item and every old item, longest first, mapped to its canonical position
            position = {item: k for k, item in enumerate(f.items)}
            position.update({old: position[new] for old, new in f.replaced.items()})
            alternatives = sorted(position, key=len, reverse=True)
            pattern = regex.compile("|".join(regex.escape(a) for a in alternatives))
            self.compiled.append((f, position, pattern))

    def check(self, para: Paragraph, ctx: Context) -> None:
        text = para.text
        for f, position, pattern in self.compiled:
            if f.since is not None and ctx.year is not None and ctx.year < f.since:
                continue
            for run in _runs(text, pattern):
                self._run(para, ctx, f, position, run)

    def _run(
        self, para: Paragraph, ctx: Context, f: Formulation, position: dict[str, int], run: list
    ) -> None:
        text = para.text
        order = [position[m.group()] for m in run]
        need = min(len(f.items), f.min_items or self.p.min_items)
        distinct = len(set(order))
        if distinct >= need and order != sorted(order):
            start, end = run[0].start(), run[-1].end()
            separators = [text[a.end() : b.start()] for a, b in zip(run, run[1:], strict=False)]
            words = [m.group() for m in sorted(run, key=lambda m: position[m.group()])]
            fixed = words[0] + "".join(sep + w for sep, w in zip(separators, words[1:], strict=True))
            ctx.hit(
                para,
                start,
                end,
                case="order",
                fix=fixed,
                applicability=Applicability.UNSAFE,
                fix_title="按规范顺序排列",
                name=f.name,
                canonical="、".join(f.items),
                source=f.source,
            )
        if f.markers and distinct < len(f.items) and _introduced(text, run[0].start(), f.markers):
            missing = [item for k, item in enumerate(f.items) if k not in set(order)]
            ctx.hit(
                para,
                run[0].start(),
                run[-1].end(),
                case="missing",
                name=f.name,
                missing="、".join(missing),
                source=f.source,
            )
        if (
            f.replaced
            and ctx.year is not None
            and f.replaced_since is not None
            and ctx.year >= f.replaced_since
        ):
            for m in run:
                new = f.replaced.get(m.group())
                if new is not None and distinct >= need:
                    ctx.hit(
                        para,
                        m.start(),
                        m.end(),
                        case="replaced",
                        fix=new,
                        applicability=Applicability.UNSAFE,
                        name=f.name,
                        since=f.replaced_since,
                        source=f.source,
                    )


def _runs(text: str, pattern: regex.Pattern[str]) -> list[list[regex.Match[str]]]:
    """Item occurrences joined only by separators (、，和及与 and spaces): one list per run."""
    runs: list[list[regex.Match[str]]] = []
    for m in pattern.finditer(text):
        if runs and _GAP.fullmatch(text[runs[-1][-1].end() : m.start()]):
            runs[-1].append(m)
        else:
            runs.append([m])
    return [r for r in runs if len(r) >= 2]


def _introduced(text: str, start: int, markers: list[str]) -> bool:
    """Is the run the list that the formula's name introduces (四个自信：道路自信、…)?"""
    before = text[max(0, start - 16) : start]
    return any(
        regex.search(rf"{regex.escape(mk)}[”」]?\s*(?:[:：]|，?即|，?就是|，?包括|（|\()\s*[“「]?$", before)
        for mk in markers
    )
