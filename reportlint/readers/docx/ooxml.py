"""What the .docx reader and ``annotate`` share: namespaces, element names, and opening a package.

Opening is where bad input is met (old .doc, encrypted, RTF, HTML, Strict OOXML,
damaged zips), so it lives in one place and gives one line that tells the drafter
what to do.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Any

import regex

from ...model import ReportlintError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
STRICT_NS = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
SAVE_AS = "请在 Word 或 WPS 中打开，“另存为”Word 文档（*.docx）后再检查"

# Block containers whose children are read in order (content controls, custom XML).
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
P, TBL, TR, TC, R = W + "p", W + "tbl", W + "tr", W + "tc", W + "r"
SDT, SDT_CONTENT, CUSTOM_XML = W + "sdt", W + "sdtContent", W + "customXml"
# Inline containers whose runs are text; w:del and w:moveFrom (deleted, moved away) are not.
INLINE_CONTAINERS = {
    W + name for name in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo")
}
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def qn(tag: str) -> str:
    """``w:val`` → Clark notation; python-docx's helper, without importing python-docx for it."""
    prefix, _, local = tag.partition(":")
    if prefix != "w":
        raise ValueError(f"unknown namespace prefix in {tag!r}")
    return W + local


def open_docx(raw: bytes, path: str) -> Any:
    """The python-docx Document, or a ReportlintError that tells the drafter what to do."""
    if not raw:
        raise ReportlintError(f"{path}：文件是空的（0 字节），不是 Word 文档；{SAVE_AS}")
    if raw.startswith(OLE_MAGIC):
        if ENCRYPTED in raw:
            raise ReportlintError(
                f"{path}：文件设置了打开密码（已加密），无法读取；请在 Word 中取消密码，另存为 .docx 后再检查"
            )
        raise ReportlintError(f"{path}：是旧版 Word 97-2003 格式（.doc），无法读取；{SAVE_AS}")
    head = raw[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{\\rtf"):
        raise ReportlintError(f"{path}：是 RTF 格式，不是 .docx；{SAVE_AS}")
    if head.startswith(b"<") or head.startswith(b"mime-version"):
        raise ReportlintError(f"{path}：是网页（HTML/MHT）或 Word XML 格式，不是 .docx；{SAVE_AS}")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            names = set(zf.namelist())
            main = "word/document.xml" if "word/document.xml" in names else None
            head = zf.read(main)[:2000] if main else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, NotImplementedError, zlib.error):
        raise ReportlintError(f"{path}：文件已损坏或不是 .docx（无法解压）；{SAVE_AS}") from None
    if main is None:
        raise ReportlintError(f"{path}：不是 Word 文档（缺少 word/document.xml）；{SAVE_AS}")
    if STRICT_NS in head:
        raise ReportlintError(f"{path}：是“Strict Open XML”格式，无法读取；{SAVE_AS}")
    import docx  # python-docx takes a while to import: only when a .docx is read

    try:
        return docx.Document(io.BytesIO(raw))
    except Exception as exc:  # python-docx, lxml and zipfile raise many kinds
        message = str(exc)
        m = regex.search(r"content type is '([^']+)'", message)
        if m:
            kind = (
                "启用宏的文档（.docm）" if "macroEnabled" in m.group(1) else f"内容类型为 {m.group(1)} 的文件"
            )
            raise ReportlintError(f"{path}：是{kind}，不是 .docx；{SAVE_AS}") from None
        reason = regex.sub(r"<_io\.\w+ object at 0x[0-9a-f]+>", "", message).strip().split("\n")[0][:80]
        detail = f"（{reason}）" if reason else ""
        raise ReportlintError(f"{path}：文件已损坏，无法读取{detail}；{SAVE_AS}") from None
