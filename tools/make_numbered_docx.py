#!/usr/bin/env python3
"""Writes tests/docx/numbered_plan.docx: tests/docx/numbered_plan.txt as Word would hold it when
the office numbers its headings with Word's automatic numbering instead of typing the markers.

Each line of the .txt becomes a paragraph. A line that starts with a heading marker loses the
marker and is numbered by Word instead: 一、 through the Heading 1 style (its w:numPr is in
styles.xml, as offices set up heading numbering), （一） and 1. through w:numPr on the paragraph,
all three levels of one list (chineseCounting "%1、", chineseCounting "（%2）", decimal "%3."; the
lower levels restart under each higher one). A second, bulleted list shows no marker.

    pip install python-docx && python3 tools/make_numbered_docx.py
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "tests/docx/numbered_plan.txt"
OUT = ROOT / "tests/docx/numbered_plan.docx"

LEVELS = [
    (re.compile(r"^[一二三四五六七八九十]+、"), 0),
    (re.compile(r"^（[一二三四五六七八九十]+）"), 1),
    (re.compile(r"^\d+\."), 2),
]

ABSTRACT = f"""<w:abstractNum {nsdecls('w')} w:abstractNumId="10">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading1"/>
    <w:suff w:val="nothing"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:suff w:val="nothing"/><w:lvlText w:val="%3."/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>"""

BULLETS = f"""<w:abstractNum {nsdecls('w')} w:abstractNumId="11">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/></w:lvl>
</w:abstractNum>"""


def numbering(doc):
    """Adds the two list definitions and their w:num instances 10 and 11."""
    part = doc.part.numbering_part.element
    first_num = part.find(qn("w:num"))
    for xml in (ABSTRACT, BULLETS):
        el = parse_xml(xml)
        # every w:abstractNum must come before the first w:num (schema order)
        if first_num is not None:
            first_num.addprevious(el)
        else:
            part.append(el)
    for num_id, abstract in ((10, 10), (11, 11)):
        part.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/></w:num>'))


def heading_style(doc):
    """Heading 1 numbered by its style: w:numPr with the list, no level (the level linked to it)."""
    style = doc.styles["Heading 1"]
    ppr = style.element.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="10"/></w:numPr>'))


def num_pr(paragraph, num_id, ilvl):
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def main():
    doc = Document()
    numbering(doc)
    heading_style(doc)
    for line in SRC.read_text(encoding="utf-8").splitlines():
        level = next(((rx, lv) for rx, lv in LEVELS if rx.match(line)), None)
        if line.startswith("• "):
            num_pr(doc.add_paragraph(line[2:]), 11, 0)
        elif level is None:
            doc.add_paragraph(line)
        elif level[1] == 0:
            doc.add_paragraph(level[0].sub("", line), style="Heading 1")
        else:
            num_pr(doc.add_paragraph(level[0].sub("", line)), 10, level[1])
    doc.save(OUT)
    print(f"wrote {OUT.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
