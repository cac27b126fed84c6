"""Rule kinds: each kind is Python written once, parameterised by YAML rules.

A kind module defines a subclass of ``Kind`` and registers it with ``@register``. A
kind only checks: it declares its ``scope`` (``paragraph``: the engine hands it one
paragraph at a time; ``document``: the whole document once), its parameters (a
frozen dataclass, see ``schema.param``) and the message cases it reports with the
template variables of each; it reports through ``ctx.hit(...)``, which rebases
offsets and records the fix. Everything worked out per document (paragraph roles,
cuts, the report's year) comes from ``ctx.analysis``; nothing is cached on the
Document. The engine only ever looks kinds up here, by the name a pack gives.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..analysis import Analysis
from ..document import Document, Paragraph
from ..model import Applicability
from ..schema import NoParams, SchemaError

__all__ = ["KINDS", "Context", "Hit", "Kind", "ParamError", "register"]


class ParamError(SchemaError):
    """Parameters that fit their types but not each other; the loader names pack, rule and parameter."""


@dataclass
class Hit:
    """One place a kind reports, in document offsets."""

    start: int
    end: int
    case: str = "default"
    vars: dict[str, Any] = field(default_factory=dict)
    replacement: str | None = None
    applicability: Applicability = Applicability.SAFE
    fix_title: str | None = None
    related: tuple[tuple[int, int], ...] = ()


class Context:
    """What a kind sees besides its paragraph: the document, its analysis, and where hits go."""

    def __init__(self, doc: Document, analysis: Analysis):
        self.doc = doc
        self.analysis = analysis
        self.hits: list[Hit] = []

    @property
    def year(self) -> int | None:
        return self.analysis.year

    def where(self, offset: int) -> str:
        """How a message names another place: 第N行, or 第N段 where positions are paragraphs (.docx)."""
        if self.doc.positions == "paragraphs":
            para = self.doc.paragraph_at(offset)
            if para is not None:
                return f"第{para.index + 1}段"
        return f"第{self.doc.position(offset)[0]}行"

    def hit(
        self,
        para: Paragraph | None,
        start: int,
        end: int,
        *,
        case: str = "default",
        fix: str | None = None,
        applicability: Applicability = Applicability.SAFE,
        fix_title: str | None = None,
        related: Iterable[tuple[int, int]] = (),
        values: Mapping[str, Any] | None = None,
        **variables: Any,
    ) -> None:
        """Report ``[start, end)`` of ``para`` (or of the document when ``para`` is None).

        ``fix`` replaces exactly that span; ``applicability`` is how far this particular fix can be
        trusted (the rule's ``fix`` caps it); ``related`` are other places (document offsets) the
        finding is about. Message variables come as keywords, or in ``values`` when their names are
        not the kind's own (a pattern's named groups).
        """
        if values:
            variables = {**values, **variables}
        base = para.start if para is not None else 0
        self.hits.append(
            Hit(
                base + start,
                base + end,
                case,
                variables,
                fix,
                applicability,
                fix_title,
                tuple(related),
            )
        )


class Kind:
    """A check written once; a rule is a kind with parameters, a category and messages."""

    name: ClassVar[str] = ""
    title: ClassVar[str] = ""  # what it checks, in a few Chinese words, for ``reportlint kinds``
    scope: ClassVar[str] = "paragraph"  # or "document"
    Params: ClassVar[type] = NoParams
    # The fix a rule of this kind offers unless the rule says otherwise: safe, unsafe, display-only, none.
    default_fix: ClassVar[str] = "none"
    # Message cases and the variables a kind provides for each (``match`` and ``replacement`` always).
    cases: ClassVar[dict[str, tuple[str, ...]]] = {"default": ()}
    # A secondary kind (a statistical guess) only reports spans that no earlier rule has reported.
    secondary: ClassVar[bool] = False

    def __init__(self, params: Any):
        self.p = params
        self.setup()

    def setup(self) -> None:
        """Compile parameters once (regexes, tables); raise ParamError when they do not fit together."""

    @classmethod
    def variables(cls, params: Any) -> dict[str, frozenset[str]]:
        """Template variables per case; kinds whose variables depend on parameters override this."""
        return {case: frozenset(names) for case, names in cls.cases.items()}

    def check(self, target: Any, ctx: Context) -> None:
        """Report problems in ``target`` (a Paragraph or the Document, by ``scope``) through ``ctx.hit``."""
        raise NotImplementedError

    @staticmethod
    def fix_title(match: str, replacement: str) -> str:
        """A short description of the edit for editors, SARIF and Word comments."""
        if not replacement:
            return f"删除“{match}”"
        if not match:
            return f"插入“{replacement}”"
        return f"改为“{replacement}”"


KINDS: dict[str, type[Kind]] = {}


def register(cls: type[Kind]) -> type[Kind]:
    KINDS[cls.name] = cls
    return cls


def _load_all() -> None:
    import importlib
    import pkgutil

    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")


_load_all()
