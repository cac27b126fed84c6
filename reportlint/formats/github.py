"""GitHub Actions workflow commands: one ``::error file=…,line=…::message`` line per finding.

GitHub shows each as an annotation on the pull request's changed files and in the run's
summary. Values are escaped as the runner expects (``%``, CR, LF everywhere; ``:`` and ``,``
in properties too). A ``.docx`` has no lines GitHub can show, so its annotations name the
file alone and the message says which paragraph (第N段).
"""

from __future__ import annotations

from ..model import FileResult, Severity
from . import Formatter, Summary, fix_note, register, relative_path

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


@register
class GithubFormatter(Formatter):
    name = "github"

    def file(self, result: FileResult) -> None:
        path = relative_path(result.path)
        if result.error:
            self.out.write(
                f"::error file={escape_property(path)},title=reportlint::{escape_data(result.error)}\n"
            )
            return
        for f in result.findings:
            props = [f"file={escape_property(path)}"]
            message = f"{f.message}{fix_note(f)}"
            if result.paragraph_positions:
                if f.paragraph is not None:
                    message = f"第{f.paragraph}段：{message}"
            else:
                props.append(f"line={f.line}")
                if f.end_line != f.line:
                    props.append(f"endLine={f.end_line}")
                props.append(f"col={f.column}")
                if f.end_line == f.line:
                    props.append(f"endColumn={f.end_column}")
            props.append(f"title={escape_property(f'reportlint [{f.rule}] {f.category}')}")
            self.out.write(f"::{_COMMAND[f.severity]} {','.join(props)}::{escape_data(message)}\n")

    def finish(self, summary: Summary) -> None:
        pass
