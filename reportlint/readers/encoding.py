"""Decode report bytes: BOMs first, strict UTF-8 next, then charset-normalizer.

Chinese offices still produce GB18030/GBK files; UTF-16 comes from Windows tools.
A wrong guess would corrupt a file on --fix, so anything unsure is an error.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

from ..model import ReportlintError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Encodings a Chinese report is plausibly written in; GBK and GB2312 are read as their superset.
_CHINESE_FAMILY = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "hz": "gb18030",
    "cp936": "gb18030",
}
_ACCEPTED = {"big5", "big5hkscs", "cp950", "utf_8", "utf-8", "ascii"}


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # Python codec name, applied after the BOM
    bom: bytes = b""


def decode(raw: bytes, path: str) -> Decoded:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return Decoded(raw[len(bom) :].decode(encoding), encoding, bom)
            except UnicodeDecodeError:
                raise ReportlintError(
                    f"{path}：文件以 {encoding.upper()} 标记开头，但内容无法按该编码解码"
                ) from None
    if b"\x00" in raw:
        raise ReportlintError(f"{path}：看起来是二进制文件，不是文本报告")
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    # Without a BOM, a Chinese office file that is not UTF-8 is GB18030/GBK almost always. GB18030
    # decodes nearly any byte string, so accept it only when the result reads as Chinese text;
    # otherwise ask the detector (Big5 from elsewhere, or a non-Chinese legacy encoding).
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_chinese(text):
        return Decoded(text, "gb18030")
    best = from_bytes(raw).best()
    name = best.encoding.lower().replace("-", "_") if best else ""
    if best and (name in _ACCEPTED or name.replace("_", "") in _ACCEPTED):
        return Decoded(str(best), best.encoding)
    if text is not None and _looks_like_text(text) and (not best or name in _CHINESE_FAMILY):
        return Decoded(text, "gb18030")
    if best:
        raise ReportlintError(
            f"{path}：文件编码似乎是 {best.encoding}，不是中文报告常用的编码；请另存为 UTF-8"
        )
    raise ReportlintError(f"{path}：无法识别文件编码（不是 UTF-8、GB18030 或 UTF-16 文本）")


def _looks_chinese(text: str) -> bool:
    """Common Han characters, ASCII and Chinese punctuation make up nearly all of it."""
    if not text:
        return True
    common = sum(
        1
        for ch in text
        if "\u4e00" <= ch <= "\u9fa5"
        or " " <= ch <= "~"
        or ch in "\r\n\t"
        or "\u3000" <= ch <= "\u303f"
        or "\uff01" <= ch <= "\uff5e"
        or ch in "“”‘’…—·"
    )
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fa5")
    return han > 0 and common / len(text) > 0.97


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\r\n\t\f") or 0xE000 <= ord(ch) <= 0xF8FF)
    return bad / len(text) < 0.01


def encode(text: str, encoding: str, bom: bytes = b"") -> bytes:
    """Encode back exactly as read; raises ReportlintError when a character has no encoding."""
    try:
        return bom + text.encode(encoding)
    except UnicodeEncodeError as exc:
        raise ReportlintError(
            f"无法按原编码 {encoding} 写回字符“{exc.object[exc.start : exc.end]}”"
        ) from None
