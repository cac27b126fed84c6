"""Word reports name places by paragraph: messages, comments and fix titles say 第N段, and the
comments and tracked changes reportlint adds never share an id."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PASTED = "常委会认真审查区级预算执行情况，督促有关部门规范资金使用，提高财政资金使用效益。"


def report(path: Path) -> Path:
    d = docx.Document()
    d.add_paragraph("关于2024年区人大常委会工作情况的报告")
    d.add_paragraph("侯宗伟同志讲话。侯宗伟同志强调，要狠抓落实,加强监督。")
    d.add_paragraph(PASTED)
    p = d.add_paragraph("常委会围绕全县重点工作，组织代表深入一线，在城乡规划、项目建")
    p.add_run().add_break(WD_BREAK.PAGE)
    p.add_run("设中主动靠前服务，帮助解决土地征收、资金保障等难题二十余个。")
    d.add_paragraph("候宗伟同志指出，全年召开会议12次,听取报告25个。")
    d.add_paragraph(PASTED)
    d.save(str(path))
    return path


def test_messages_name_paragraphs_not_lines(cli, tmp_path):
    path = report(tmp_path / "报告.docx")
    result = cli("check", "--format", "json", path)
    findings = json.loads(result.stdout)["files"][0]["findings"]
    messages = [f["message"] for f in findings]
    assert not [m for m in messages if re.search(r"第\d+行", m)], messages
    by_category = {f["category"]: f for f in findings}
    assert "第2段" in by_category["name-variant"]["message"]
    assert "第3段" in by_category["duplicate-paragraph"]["message"]


def test_comments_say_paragraphs_join_fix_wording_and_distinct_ids(cli, tmp_path):
    src = report(tmp_path / "报告.docx")
    out = tmp_path / "审阅.docx"
    result = cli("annotate", src, "-o", out, "--fix")
    assert result.exit_code == 1, result.output
    with zipfile.ZipFile(out) as zf:
        body = etree.fromstring(zf.read("word/document.xml"))
        comments = etree.fromstring(zf.read("word/comments.xml"))
    texts = ["".join(c.itertext()) for c in comments.iter(f"{W}comment")]
    assert texts and not [t for t in texts if re.search(r"第\d+行", t)], texts
    assert any("建议：与下一段合并" in t for t in texts), texts
    comment_ids = [c.get(f"{W}id") for c in comments.iter(f"{W}comment")]
    revision_ids = [el.get(f"{W}id") for tag in ("ins", "del") for el in body.iter(f"{W}{tag}")]
    assert revision_ids, "--fix made tracked changes"
    assert len(set(comment_ids)) == len(comment_ids)
    assert not set(comment_ids) & set(revision_ids), (comment_ids, revision_ids)
    # every comment is anchored by the same id in the body
    anchored = {el.get(f"{W}id") for el in body.iter(f"{W}commentRangeStart")}
    assert anchored == set(comment_ids)
