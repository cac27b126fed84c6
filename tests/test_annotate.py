"""``reportlint annotate``: findings as Word comments on exactly the flagged characters.

The annotated copies are read back with lxml, independently of the reader: each comment's anchored
text, the document text and the formatting of every character.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import assert_one_line_error, substitution_rule
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from lxml import etree
from test_docx import add_numbering, mixed_report, number, runs_paragraph, save, tracked

from reportlint.config import Config
from reportlint.engine import Linter
from reportlint.model import Finding, Fix, Severity
from reportlint.readers.docx import docx_document
from reportlint.readers.docx.annotate import annotate_document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# -- reading an annotated file back ---------------------------------------------------------------


def _parts(path: Path) -> tuple[etree._Element, etree._Element | None]:
    with zipfile.ZipFile(path) as zf:
        body = etree.fromstring(zf.read("word/document.xml"))
        comments = (
            etree.fromstring(zf.read("word/comments.xml")) if "word/comments.xml" in zf.namelist() else None
        )
    return body, comments


def read_comments(path: Path) -> list[dict]:
    """Each comment: id, author, initials, text, and the text between its range markers.

    Deleted text (w:del) is not text; a page or line break and a paragraph end are "\\n".
    """
    body, comments = _parts(path)
    anchored: dict[str, list[str]] = {}
    open_: set[str] = set()
    deleted = 0
    for event, el in etree.iterwalk(body, events=("start", "end")):
        tag = el.tag
        if tag in (W + "del", W + "moveFrom"):
            deleted += 1 if event == "start" else -1
            continue
        if event == "start":
            if tag == W + "commentRangeStart":
                open_.add(el.get(W + "id"))
                anchored.setdefault(el.get(W + "id"), [])
            elif tag == W + "commentRangeEnd":
                open_.discard(el.get(W + "id"))
            elif not deleted:
                piece = {W + "t": el.text or "", W + "tab": "\t", W + "br": "\n"}.get(tag)
                for cid in open_ if piece else ():
                    anchored[cid].append(piece)
        elif tag == W + "p" and not deleted:
            for cid in open_:
                anchored[cid].append("\n")
    out = []
    for c in comments.iter(W + "comment") if comments is not None else ():
        cid = c.get(W + "id")
        text = "\n".join("".join(t.text or "" for t in p.iter(W + "t")) for p in c.iter(W + "p"))
        out.append(
            {
                "id": cid,
                "author": c.get(W + "author"),
                "initials": c.get(W + "initials"),
                "text": text,
                "anchored": "".join(anchored.get(cid, [])),
                "referenced": bool(
                    body.xpath(f"//w:commentReference[@w:id='{cid}']", namespaces={"w": W[1:-1]})
                ),
            }
        )
    return out


def char_formats(path: Path) -> list[tuple[str, bytes]]:
    """(character, rPr XML of its run) for every character of the body text, deletions left out."""
    body, _ = _parts(path)
    out = []
    for t in body.iter(W + "t"):
        run = t.getparent()
        if any(a.tag in (W + "del", W + "ins") for a in run.iterancestors()):
            continue
        rpr = run.find(W + "rPr")
        xml = etree.tostring(rpr, method="c14n") if rpr is not None else b""
        out.extend((ch, xml) for ch in t.text or "")
    return out


def text_of(path: Path) -> str:
    return docx_document(path.read_bytes(), str(path)).text


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def lint(path: Path, *select: str):
    config = Config()
    if select:
        config.select = list(select)
    doc = docx_document(path.read_bytes(), str(path))
    return doc, Linter(config).lint_document(doc)


def assert_annotated(src: Path, out: Path, *select: str) -> list[dict]:
    """Every finding has its own comment on exactly its characters; text and formatting unchanged."""
    doc, findings = lint(src, *select)
    comments = read_comments(out)
    assert len(comments) == len(findings)
    wanted = sorted((doc.text[f.start : f.end], f.message) for f in findings)
    got = sorted((c["anchored"], c["text"].split("\n")[0]) for c in comments)
    assert got == wanted
    for c in comments:
        assert c["author"] == "reportlint" and c["initials"] == "RL" and c["referenced"]
    assert text_of(out) == text_of(src)
    assert char_formats(out) == char_formats(src)
    return comments


# -- documents ------------------------------------------------------------------------------------


def numbered_report():
    d = docx.Document()
    num = add_numbering(d)
    h = d.add_heading("过去一年的主要工作", 1)
    number(h, num, 0)
    s = d.add_heading("加强财政预算监督", 2)
    number(s, num, 1)
    runs_paragraph(d, ("常委会审查了", ""), ("xx", "i"), ("个部门的预算执行情况，", "b"), ("（待核实）", "u"))
    p = d.add_paragraph("本次会议共审议议题")
    tracked(p, "del", "xx")
    tracked(p, "ins", "5个", rev=902)
    p.add_run("，其中某某同志作了说明。")
    return d


# -- annotate through the CLI ---------------------------------------------------------------------


def test_annotate_mixed_report(cli, tmp_path):
    src = save(mixed_report(), tmp_path / "报告.docx")
    before = sha(src)
    out = tmp_path / "报告-审阅.docx"
    result = cli("annotate", src, "-o", out)
    assert result.exit_code == 1, result.output
    assert out.is_file() and sha(src) == before
    comments = assert_annotated(src, out)
    assert "条批注" in result.stdout
    by_anchor = {c["anchored"]: c for c in comments}
    # a finding inside one bold run, one spanning several runs, findings in table cells
    assert "x" in by_anchor and "zh-placeholder.x-mark" in by_anchor["x"]["text"]
    assert "（待补充）" in by_anchor  # three runs: plain, bold+underlined, plain
    assert "xx" in by_anchor and "某某" in by_anchor


def test_annotate_selected_rules_only(cli, tmp_path):
    src = save(mixed_report(), tmp_path / "a.docx")
    out = tmp_path / "b.docx"
    result = cli("annotate", src, "-o", out, "--select", "zh-placeholder", "--min-severity", "error")
    assert result.exit_code == 1, result.output
    comments = read_comments(out)
    assert comments and all("zh-placeholder" in c["text"] for c in comments)
    assert not any(c["anchored"] == "某某" for c in comments)  # mou-mou is only a warning
    assert_annotated(
        src,
        out,
        "zh-placeholder.x-mark",
        "zh-placeholder.pending-note",
        "zh-placeholder.bracket-template",
        "zh-placeholder.drafter-question",
    )


def test_annotate_numbering_and_tracked_changes(cli, tmp_path):
    src = save(numbered_report(), tmp_path / "a.docx")
    out = tmp_path / "b.docx"
    assert cli("annotate", src, "-o", out).exit_code == 1
    comments = assert_annotated(src, out)
    anchors = [c["anchored"] for c in comments]
    assert "xx" in anchors and "（待核实）" in anchors
    # the deleted "xx" by another reviewer is no finding and gets no comment
    assert anchors.count("xx") == len([c for c in comments if c["anchored"] == "xx"])
    body, _ = _parts(out)
    assert len(body.findall(f".//{W}numPr")) == 2  # Word's numbering kept


def test_clean_report_gets_no_comments(cli, tmp_path):
    d = docx.Document()
    d.add_paragraph("各位代表：")
    d.add_paragraph("现在，我代表区人大常委会向大会报告工作，请予审议。")
    src = save(d, tmp_path / "a.docx")
    out = tmp_path / "b.docx"
    result = cli("annotate", src, "-o", out, "--select", "zh-placeholder")
    assert result.exit_code == 0, result.output
    assert read_comments(out) == [] and text_of(out) == text_of(src)


def test_annotate_keeps_existing_comments(cli, tmp_path):
    d = mixed_report()
    para = d.paragraphs[-1]
    d.add_comment(para.runs, text="请核实这一表述。", author="王主任", initials="WZ")
    src = save(d, tmp_path / "a.docx")
    out = tmp_path / "b.docx"
    cli("annotate", src, "-o", out, "--select", "zh-placeholder")
    comments = read_comments(out)
    assert [c["author"] for c in comments].count("王主任") == 1
    assert len({c["id"] for c in comments}) == len(comments)


def test_refuses_to_overwrite_the_original(cli, tmp_path):
    src = save(mixed_report(), tmp_path / "a.docx")
    before = sha(src)
    for target in (src, tmp_path / "." / "a.docx", Path("a.docx")):
        assert_one_line_error(cli("annotate", src, "-o", target), "原文件")
    assert sha(src) == before


def test_annotate_bad_inputs(cli, tmp_path):
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200)
    assert_one_line_error(
        cli("annotate", tmp_path / "old.doc", "-o", tmp_path / "x.docx"), "old.doc", "另存为"
    )
    (tmp_path / "a.txt").write_text("各位代表：\n", encoding="utf-8")
    assert_one_line_error(cli("annotate", tmp_path / "a.txt", "-o", tmp_path / "x.docx"), "a.txt", ".docx")
    src = save(mixed_report(), tmp_path / "a.docx")
    assert_one_line_error(cli("annotate", src, "-o", tmp_path / "x.pdf"), "x.pdf", ".docx")
    assert_one_line_error(cli("annotate", src, "-o", tmp_path / "missing" / "x.docx"), "不存在")
    assert_one_line_error(cli("annotate", tmp_path / "none.docx", "-o", tmp_path / "x.docx"), "none.docx")
    assert not (tmp_path / "x.docx").exists()


def test_annotate_in_a_real_process(run, tmp_path):
    save(mixed_report(), tmp_path / "a.docx")
    proc = run("annotate", "a.docx", "-o", "b.docx", "--select", "zh-placeholder")
    assert proc.returncode == 1, proc.stderr
    assert (tmp_path / "b.docx").is_file()


# -- the library: any span, in any run layout -----------------------------------------------------


def layout_report():
    """Runs of every shape: formatting changes mid-word, a hyperlink, a tracked insertion, a tab,
    a soft line break and a page break inside paragraphs, a table cell with two paragraphs."""
    d = docx.Document()
    runs_paragraph(
        d,
        ("常委会", ""),
        ("听取", "b"),
        ("和", "i"),
        ("审议", "bi"),
        ("了区政府", ""),
        ("关于", "u"),
        ("预算的报告。", ""),
    )
    p = runs_paragraph(d, ("详见门户网站", ""))
    p._p.append(
        parse_xml(
            f'<w:hyperlink {nsdecls("w", "r")} w:anchor="x"><w:r><w:rPr><w:u w:val="single"/></w:rPr>'
            f"<w:t>人大信息公开专栏</w:t></w:r></w:hyperlink>"
        )
    )
    p.add_run("。")
    p = d.add_paragraph("全年办理代表建议")
    tracked(p, "ins", "126件", rev=903)
    tracked(p, "del", "若干件", rev=904)
    p.add_run("，办结率100%。")
    p = runs_paragraph(d, ("序号\t项目", "b"))
    p.runs[0].add_break(WD_BREAK.LINE)
    p.add_run("推动项目建")
    r = p.add_run("")
    r.add_break(WD_BREAK.PAGE)
    p.add_run("设中的困难得到解决。")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "代表联络站"
    cell = table.cell(0, 1)
    cell.text = "建成12个"
    cell.add_paragraph("覆盖全部街道")
    d.add_paragraph("以上报告，请予审议。")
    return d


def _annotate_spans(tmp_path: Path, spans: list[tuple[int, int]]) -> tuple[str, Path, Path]:
    src = save(layout_report(), tmp_path / "src.docx")
    doc = docx_document(src.read_bytes(), str(src))
    findings = []
    for i, (s, e) in enumerate(spans):
        f = Finding("test.span", "test", Severity.WARNING, f"第{i}处", s, e)
        f.line, f.column = doc.position(s)
        findings.append(f)
    result = annotate_document(doc, findings)
    assert result.comments == len(spans)
    out = tmp_path / "out.docx"
    doc.layout.word.save(str(out))
    return doc.text, src, out


def test_any_span_is_anchored_exactly(tmp_path):
    text = docx_document(save(layout_report(), tmp_path / "probe.docx").read_bytes()).text
    rng = random.Random(20240108)
    spans = [
        (s, min(len(text), s + rng.randint(1, 12))) for s in (rng.randrange(len(text)) for _ in range(150))
    ]
    spans += [(0, len(text)), (0, 1), (len(text) - 1, len(text))]
    text, src, out = _annotate_spans(tmp_path, spans)
    comments = {c["text"].split("\n")[0]: c for c in read_comments(out)}
    for i, (s, e) in enumerate(spans):
        assert comments[f"第{i}处"]["anchored"] == text[s:e], (s, e)
    assert text_of(out) == text_of(src)
    assert char_formats(out) == char_formats(src)


def test_empty_span_is_a_point_comment(tmp_path):
    text, _, out = _annotate_spans(tmp_path, [(3, 3), (0, 0)])
    comments = read_comments(out)
    assert [c["anchored"] for c in comments] == ["", ""]
    assert all(c["referenced"] for c in comments)


# -- --fix: safe fixes as tracked changes ---------------------------------------------------------


def test_fix_as_tracked_changes(cli, tmp_path, make_pack):
    pack = make_pack([substitution_rule()])
    d = docx.Document()
    runs_paragraph(d, ("这项改革措施", ""), ("倍受", "b"), ("群众欢迎，", ""), ("倍", "i"), ("受好评。", ""))
    d.add_paragraph("区人大常委会办公厅室负责具体联络工作。")
    src = save(d, tmp_path / "a.docx")
    out = tmp_path / "b.docx"
    result = cli("annotate", src, "-o", out, "--pack", pack, "--select", "office", "--fix")
    assert result.exit_code == 1, result.output
    assert "3 处修订" in result.stdout
    assert text_of(out) == "这项改革措施备受群众欢迎，备受好评。\n区人大常委会办公室负责具体联络工作。"
    body, _ = _parts(out)
    dels = body.findall(f".//{W}del")
    inss = body.findall(f".//{W}ins")
    assert {d.get(W + "author") for d in dels + inss} == {"reportlint"}
    assert ["".join(t.text for t in d.iter(W + "delText")) for d in dels] == [
        "倍受",
        "倍",
        "受",
        "人大常委会办公厅室",
    ]
    assert ["".join(t.text for t in i.iter(W + "t")) for i in inss] == ["备受", "备受", "人大常委会办公室"]
    assert inss[0].find(f"{W}r/{W}rPr/{W}b") is not None  # the inserted text keeps the formatting
    comments = read_comments(out)
    assert sorted(c["anchored"] for c in comments) == sorted(["备受", "备受", "人大常委会办公室"])
    assert all("建议：" in c["text"] for c in comments)


def test_without_fix_the_suggestion_is_in_the_comment(cli, tmp_path, make_pack):
    pack = make_pack([substitution_rule()])
    d = docx.Document()
    d.add_paragraph("这项改革措施倍受群众欢迎。")
    src = save(d, tmp_path / "a.docx")
    out = tmp_path / "b.docx"
    cli("annotate", src, "-o", out, "--pack", pack, "--select", "office")
    (c,) = read_comments(out)
    assert c["anchored"] == "倍受" and "建议：改为“备受”" in c["text"] and "office.office-words" in c["text"]
    assert text_of(out) == text_of(src)


# -- the copy opens in LibreOffice ----------------------------------------------------------------


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(_soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_annotated_copy_converts_to_pdf(cli, tmp_path, make_pack):
    src = save(layout_report(), tmp_path / "a.docx")
    doc = docx_document(src.read_bytes(), str(src))
    findings = []
    for i, (s, e) in enumerate([(0, 5), (20, 40), (60, 61), (len(doc.text) - 8, len(doc.text))]):
        f = Finding("test.span", "test", Severity.WARNING, f"第{i}处", s, e, Fix("审议"))
        f.line, f.column = doc.position(s)
        findings.append(f)
    annotate_document(doc, findings, fix=True)
    fixed = tmp_path / "fixed.docx"
    doc.layout.word.save(str(fixed))
    reviewed = tmp_path / "reviewed.docx"
    assert cli("annotate", save(mixed_report(), tmp_path / "m.docx"), "-o", reviewed).exit_code == 1
    profile = (tmp_path / "lo-profile").as_uri()
    for path in (fixed, reviewed):
        proc = subprocess.run(
            [
                _soffice(),
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(tmp_path),
                str(path),
            ],
            capture_output=True,
            text=True,
            timeout=180,
        )
        pdf = path.with_suffix(".pdf")
        assert proc.returncode == 0, proc.stderr
        assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"), proc.stdout + proc.stderr


def test_json_for_the_annotated_findings_matches(cli, tmp_path):
    src = save(mixed_report(), tmp_path / "a.docx")
    data = json.loads(cli("check", "--format", "json", src).stdout)
    out = tmp_path / "b.docx"
    cli("annotate", src, "-o", out)
    assert len(read_comments(out)) == len(data["files"][0]["findings"])


def test_docx_bytes_of_the_copy_are_a_valid_package(tmp_path, cli):
    src = save(mixed_report(), tmp_path / "a.docx")
    out = tmp_path / "b.docx"
    cli("annotate", src, "-o", out)
    with zipfile.ZipFile(out) as zf:
        assert zf.testzip() is None
        types = zf.read("[Content_Types].xml").decode()
        rels = zf.read("word/_rels/document.xml.rels").decode()
    assert "comments+xml" in types and "comments.xml" in rels
    assert docx.Document(io.BytesIO(out.read_bytes())).comments is not None


def test_copy_has_ordinary_permissions_and_may_be_replaced(cli, tmp_path):
    import os

    src = save(mixed_report(), tmp_path / "a.docx")
    out = tmp_path / "b.docx"
    cli("annotate", src, "-o", out)
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
    first = read_comments(out)
    cli("annotate", src, "-o", out)  # run again over the previous copy
    assert len(read_comments(out)) == len(first)
    assert not list(tmp_path.glob(".reportlint-*"))


def test_fix_that_only_inserts_is_anchored_on_the_insertion(tmp_path):
    d = docx.Document()
    d.add_paragraph("会议听取了区政府关于预算执行情况的报告")
    src = save(d, tmp_path / "a.docx")
    doc = docx_document(src.read_bytes(), str(src))
    end = len(doc.text)
    f = Finding("test.end", "test", Severity.WARNING, "段末缺少句号", end, end, Fix("。"))
    f.line, f.column = doc.position(end)
    result = annotate_document(doc, [f], fix=True)
    assert result.fixes == 1
    out = tmp_path / "b.docx"
    doc.layout.word.save(str(out))
    (c,) = read_comments(out)
    assert c["anchored"] == "。"
    assert text_of(out) == "会议听取了区政府关于预算执行情况的报告。"
