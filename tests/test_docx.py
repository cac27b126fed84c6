"""Reading .docx reports: paragraphs, runs, tables, Word numbering, page breaks, tracked changes, bad files.

The documents are built here with python-docx; the sentences are written for these tests.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
from conftest import assert_one_line_error
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from reportlint.config import Config
from reportlint.engine import Linter
from reportlint.readers.docx import DocxDocument, docx_document
from reportlint.readers.txt import text_document

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

# -- building documents ---------------------------------------------------------------------------


def save(document, path: Path) -> Path:
    document.save(str(path))
    return path


def read(document, **kw) -> DocxDocument:
    buf = io.BytesIO()
    document.save(buf)
    return docx_document(buf.getvalue(), "t.docx", **kw)


def runs_paragraph(document, *parts: tuple[str, str]):
    """A paragraph from (text, style) runs; style is a combination of b, i, u, or ''."""
    p = document.add_paragraph()
    for text, style in parts:
        r = p.add_run(text)
        if "b" in style:
            r.bold = True
        if "i" in style:
            r.italic = True
        if "u" in style:
            r.underline = True
    return p


def add_numbering(
    document,
    formats: tuple[tuple[str, str], ...] = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）")),
) -> int:
    """A list definition with one level per (numFmt, lvlText); returns its numId."""
    numbering = document.part.numbering_part.element
    abstract_id = len(numbering.findall(qn("w:abstractNum"))) + 10
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:lvlJc w:val="left"/></w:lvl>'
        for i, (fmt, text) in enumerate(formats)
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{levels}</w:abstractNum>'
    )
    num_id = abstract_id + 1
    num = parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)
    return num_id


def number(paragraph, num_id: int, level: int = 0) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def tracked(paragraph, kind: str, text: str, rev: int = 901) -> None:
    """Append a tracked deletion (kind 'del') or insertion ('ins') by another reviewer."""
    tag = "w:delText" if kind == "del" else "w:t"
    paragraph._p.append(
        parse_xml(
            f'<w:{kind} {nsdecls("w")} w:id="{rev}" w:author="办公室" w:date="2024-01-05T09:00:00Z">'
            f'<w:r><{tag} xml:space="preserve">{text}</{tag}></w:r></w:{kind}>'
        )
    )


def mixed_report():
    """Headings, mixed formatting inside one sentence, a table, a page break in mid-paragraph."""
    d = docx.Document()
    d.add_paragraph("关于2024年区人大常委会工作情况的报告", style="Title")
    d.add_heading("一、过去一年的主要工作", 1)
    runs_paragraph(
        d,
        ("一年来，常委会共召开主任会议", ""),
        ("x次", "b"),
        ("，听取和审议", ""),
        ("专项工作报告", "i"),
        ("18项，其中", ""),
        ("（", ""),
        ("待补充", "bu"),
        ("）项涉及民生。", ""),
    )
    p = runs_paragraph(d, ("常委会坚持问题导向，督促政府加快推进老旧小区改造，推动项目建", ""))
    p.runs[-1].add_break(WD_BREAK.PAGE)
    p.add_run("设中存在的资金、用地等困难逐步得到解决。")
    table = d.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ("监督项目", "完成情况", "备注"), strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("执法检查", "开展xx次", "某某同志带队"), strict=True):
        cell.text = text
    d.add_paragraph("新的一年，常委会将继续加强自身建设，不断提高履职能力和水平。")
    return d


# -- the reader -----------------------------------------------------------------------------------


def test_one_line_per_paragraph_with_runs_kept():
    doc = read(mixed_report())
    assert doc.source_format == "docx"
    lines = doc.text.split("\n")
    assert (
        lines[2] == "一年来，常委会共召开主任会议x次，听取和审议专项工作报告18项，其中（待补充）项涉及民生。"
    )
    assert [p.line for p in doc.paragraphs] == list(range(1, len(lines) + 1))
    assert [p.text for p in doc.paragraphs] == lines
    # every run of the sentence is tied to exactly its characters
    p = doc.paragraphs[2]
    atoms = [a for a in doc.layout.atoms if p.start <= a.start < p.end]
    assert "".join(doc.text[a.start : a.end] for a in atoms) == p.text
    assert [a.child.text for a in atoms] == [doc.text[a.start : a.end] for a in atoms]
    bold = [doc.text[a.start : a.end] for a in atoms if a.run.find(qn("w:rPr")) is not None]
    assert bold == ["x次", "专项工作报告", "待补充"]


def test_table_cells_row_by_row_cell_by_cell():
    doc = read(mixed_report())
    lines = doc.text.split("\n")
    start = lines.index("监督项目")
    assert lines[start : start + 6] == [
        "监督项目",
        "完成情况",
        "备注",
        "执法检查",
        "开展xx次",
        "某某同志带队",
    ]
    assert [info.in_table for info in doc.layout.lines[start : start + 6]] == [True] * 6
    assert not doc.layout.lines[start - 1].in_table


def test_merged_cells_are_read_once():
    d = docx.Document()
    table = d.add_table(rows=2, cols=2)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "年度重点监督项目"
    table.cell(1, 0).text = "预算审查"
    table.cell(1, 1).text = "已完成"
    assert read(d).text == "年度重点监督项目\n预算审查\n已完成"


def test_page_break_inside_a_paragraph_starts_a_new_paragraph():
    doc = read(mixed_report())
    first = next(p for p in doc.paragraphs if p.text.endswith("推动项目建"))
    second = doc.paragraphs[first.index + 1]
    assert second.text.startswith("设中存在")
    assert second.page_break_before and not first.page_break_before
    assert second.line == first.line + 1
    linter = Linter(Config())
    if any(r.category == "broken-paragraph" for r in linter.rules):
        found = [f for f in linter.lint_document(doc) if f.category == "broken-paragraph"]
        assert any(f.paragraph in (first.index + 1, second.index + 1) for f in found), found


def test_page_break_before_and_after_paragraphs():
    d = docx.Document()
    d.add_paragraph("常委会听取了区政府关于财政预算执行情况的报告。")
    p = d.add_paragraph("会议认为，全区财政运行总体平稳。")
    p.runs[0].add_break(WD_BREAK.PAGE)  # a paragraph ending in a page break
    d.add_paragraph("会议要求，进一步加强预算绩效管理。")
    q = d.add_paragraph("常委会组织部分代表开展视察。")
    q.paragraph_format.page_break_before = True
    d.add_paragraph("视察组实地查看了多个项目。")
    doc = read(d)
    assert [p.page_break_before for p in doc.paragraphs] == [False, False, True, True, False]
    assert doc.text.count("\n") == 4  # a page break at the end of a paragraph adds no line


def test_word_numbering_is_not_text_and_sets_heading_levels():
    d = docx.Document()
    num = add_numbering(d)
    d.add_paragraph("各位代表：")
    for title, subs in (
        ("过去一年的主要工作", ("加强财政监督", "推动民生改善")),
        ("今年的工作安排", ("深化代表工作",)),
    ):
        h = d.add_heading(title, 1)
        number(h, num, 0)
        for sub in subs:
            s = d.add_heading(sub, 2)
            number(s, num, 1)
            d.add_paragraph(f"常委会围绕{sub}开展专题调研，提出意见建议12条，推动有关部门改进工作。")
    doc = read(d)
    assert "一、" not in doc.text and "（一）" not in doc.text
    headings = [(p.text, p.heading_level) for p in doc.paragraphs if p.heading_level]
    assert headings == [
        ("过去一年的主要工作", 1),
        ("加强财政监督", 2),
        ("推动民生改善", 2),
        ("今年的工作安排", 1),
        ("深化代表工作", 2),
    ]
    assert all(info.numbered for info in doc.layout.lines if info.heading_level)
    findings = Linter(Config()).lint_document(doc)
    assert not [f for f in findings if f.category == "heading-sequence"], findings


def test_outline_level_and_chinese_style_names():
    d = docx.Document()
    p = d.add_paragraph("依法履职情况")
    p._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="2"/>'))
    d.add_paragraph("正文段落不是标题。")
    doc = read(d)
    assert [x.heading_level for x in doc.paragraphs] == [3, None]


def test_tracked_deletion_is_not_text_insertion_is():
    d = docx.Document()
    p = d.add_paragraph("常委会全年共审议")
    tracked(p, "del", "法规草案3件和")
    tracked(p, "ins", "专项工作报告", rev=902)
    p.add_run("，均按期完成。")
    doc = read(d)
    assert doc.text == "常委会全年共审议专项工作报告，均按期完成。"


def test_field_codes_are_not_text_field_results_are():
    d = docx.Document()
    p = d.add_paragraph("本报告共")
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>'))
    p._p.append(
        parse_xml(f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r>')
    )
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>'))
    p._p.append(parse_xml(f"<w:r {nsdecls('w')}><w:t>12</w:t></w:r>"))
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'))
    p.add_run("页。")
    assert read(d).text == "本报告共12页。"


def test_empty_paragraphs_count_as_blank_lines_not_paragraphs():
    d = docx.Document()
    d.add_paragraph("各位代表：")
    d.add_paragraph("")
    d.add_paragraph("\u3000\u3000")
    d.add_paragraph("\u3000\u3000现在，我代表常委会报告工作。")
    doc = read(d)
    assert doc.text == "各位代表：\n\u3000\u3000现在，我代表常委会报告工作。"
    second = doc.paragraphs[1]
    assert second.blank_before == 2 and second.text == "现在，我代表常委会报告工作。"
    assert doc.position(second.start) == (2, 3)  # the column counts the indentation, as Word does


def test_headers_and_footers_only_when_asked():
    d = docx.Document()
    d.add_paragraph("常委会认真履行法定职责。")
    d.sections[0].header.paragraphs[0].text = "某某区人大常委会"
    d.sections[0].footer.paragraphs[0].text = "内部资料"
    assert read(d).text == "常委会认真履行法定职责。"
    doc = read(d, headers_footers=True)
    assert doc.text == "常委会认真履行法定职责。\n某某区人大常委会\n内部资料"
    assert [i.story for i in doc.layout.lines] == ["body", "header", "footer"]


# -- through the CLI ------------------------------------------------------------------------------


def test_check_reports_paragraph_positions(cli, tmp_path):
    path = save(mixed_report(), tmp_path / "报告.docx")
    result = cli("check", "--select", "zh-placeholder", path)
    assert result.exit_code == 1
    assert f"{path}:段3:15:" in result.stdout  # the x of "x次" in the third paragraph
    out = cli("check", "--format", "json", "--select", "zh-placeholder", path)
    data = json.loads(out.stdout)
    findings = data["files"][0]["findings"]
    assert findings and all("paragraph" in f for f in findings)
    doc = read(mixed_report())
    lines = doc.text.split("\n")
    for f in findings:
        assert f["paragraph"] == f["line"]
        flagged = lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1]
        assert flagged in f["message"]
    assert {(f["paragraph"], f["column"]) for f in findings} >= {(3, 15)}


def test_folder_scan_reads_docx(cli, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    save(mixed_report(), folder / "a.docx")
    (folder / "~$a.docx").write_bytes(b"\x0cowner-file")  # Word's lock file
    result = cli("check", "--select", "zh-placeholder", folder)
    assert result.exit_code == 1, result.output
    assert "a.docx:段" in result.stdout


# -- bad input ------------------------------------------------------------------------------------

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


BAD_FILES = {
    "old.doc": (OLE + "WordDocument".encode("utf-16-le") + b"\x00" * 100, "97-2003"),
    "old-named.docx": (OLE + "WordDocument".encode("utf-16-le"), "97-2003"),
    "secret.docx": (
        OLE + "EncryptedInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le"),
        "密码",
    ),
    "broken.docx": (b"PK\x03\x04" + b"\x14\x00\x00\x00broken" * 20, "损坏"),
    "truncated.docx": (b"", "空"),
    "rtf.docx": (b"{\\rtf1\\ansi \\u21508?}", "RTF"),
    "web.docx": ("<html><body><p>各位代表：</p></body></html>".encode(), "HTML"),
    "not-word.docx": (
        _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}),
        "word/document.xml",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_input_is_one_line_with_advice(cli, tmp_path, name):
    data, needle = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(data)
    result = cli("check", path)
    err = assert_one_line_error(result, name, needle)
    assert ".docx" in err and ("另存为" in err or "密码" in err)


def test_truncated_real_docx(cli, tmp_path):
    good = tmp_path / "good.docx"
    save(mixed_report(), good)
    cut = tmp_path / "cut.docx"
    cut.write_bytes(good.read_bytes()[:3000])
    assert_one_line_error(cli("check", cut), "cut.docx", "另存为")


def test_bad_input_in_a_real_process(run, tmp_path):
    (tmp_path / "old.doc").write_bytes(OLE + b"\x00" * 64)
    proc = run("check", "old.doc")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "另存为" in proc.stderr


def test_doc_suffix_that_is_really_docx_is_read(cli, tmp_path):
    path = save(mixed_report(), tmp_path / "renamed.doc")
    result = cli("check", "--select", "zh-placeholder", path)
    assert result.exit_code == 1 and "renamed.doc:段3:" in result.stdout


# -- the same report as .txt and as .docx ---------------------------------------------------------


def test_docx_gets_the_same_findings_as_txt():
    seeds = sorted(SEEDS.glob("002_*.txt")) if SEEDS.is_dir() else []
    if not seeds:
        pytest.skip("the sample reports (../shared/seeds) are not here")
    text = seeds[0].read_text(encoding="utf-8")
    d = docx.Document()
    for line in text.splitlines():
        if line.strip():
            d.add_paragraph(line)
    linter = Linter(Config())
    from_txt = linter.lint_document(text_document(text, "002.txt"))
    from_docx = linter.lint_document(read(d))
    assert from_txt, "the sample report should have findings"
    assert Counter(f.rule for f in from_docx) == Counter(f.rule for f in from_txt)
    # and in the same places: the same paragraph and flagged text (a span across paragraphs covers
    # the blank lines between them in the .txt, none in the .docx)
    txt_doc = text_document(text, "002.txt")
    docx_doc = read(d)

    def places(doc, findings):
        return sorted(
            (f.paragraph, re.sub(r"\n+", "\n", doc.text[f.start : f.end]), f.rule) for f in findings
        )

    assert places(txt_doc, from_txt) == places(docx_doc, from_docx)


def _rewrite(good: Path, target: Path, name: str, change) -> Path:
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(target, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            out.writestr(info, change(data) if info.filename == name else data)
    return target


def test_macro_document_and_broken_xml(cli, tmp_path):
    good = save(mixed_report(), tmp_path / "good.docx")
    macro = _rewrite(
        good,
        tmp_path / "macro.docx",
        "[Content_Types].xml",
        lambda b: b.replace(
            b"officedocument.wordprocessingml.document.main", b"ms-word.document.macroEnabled.main"
        ),
    )
    assert_one_line_error(cli("check", macro), "macro.docx", ".docm", "另存为")
    broken = _rewrite(good, tmp_path / "broken-xml.docx", "word/document.xml", lambda b: b[:600])
    err = assert_one_line_error(cli("check", broken), "broken-xml.docx", "损坏", "另存为")
    assert "_io" not in err
