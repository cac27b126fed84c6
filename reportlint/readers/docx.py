"""Word documents (.docx). Filled in by the docx work; registered here so the suffix is known."""

from __future__ import annotations
