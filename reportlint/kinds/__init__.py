"""Rule kinds: each kind is Python written once, parameterised by YAML rules.

A kind module defines a subclass of ``Kind`` and registers it with ``@register``.
The engine only ever looks kinds up here, by the name a pack gives.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..document import Document

REQUIRED = object()


class ParamError(ValueError):
    """A rule parameter is wrong; the pack loader names the pack, rule and parameter."""


@dataclass(frozen=True)
class Param:
    types: type | tuple[type, ...]
    default: Any = REQUIRED
    doc: str = ""


@dataclass
class Hit:
    """One place a kind reports: a span, template variables and an optional replacement."""

    start: int
    end: int
    vars: dict[str, Any] = field(default_factory=dict)
    replacement: str | None = None
    safe: bool | None = None  # None: the rule's declared fix safety


@dataclass
class Context:
    """What a kind may know besides the document: run-wide settings from the config."""

    year: int | None = None
    options: dict[str, Any] = field(default_factory=dict)


class Kind:
    name: ClassVar[str] = ""
    params: ClassVar[dict[str, Param]] = {}
    # The fix a rule of this kind offers by default: "safe", "unsafe" or "none".
    default_fix: ClassVar[str] = "none"

    def __init__(self, params: dict[str, Any]):
        self.p = params
        self.setup()

    def setup(self) -> None:
        """Compile parameters once per run (regexes, tables); raise ParamError when they are bad."""

    def check(self, doc: Document, ctx: Context) -> Iterable[Hit]:
        raise NotImplementedError


KINDS: dict[str, type[Kind]] = {}


def register(cls: type[Kind]) -> type[Kind]:
    KINDS[cls.name] = cls
    return cls


def kind_names() -> list[str]:
    return sorted(KINDS)


def _load_all() -> None:
    import importlib
    import pkgutil

    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")


_load_all()
