"""A line-aware reading of one Markdown page: the parts the integrity checks compare.

This is not a Markdown renderer. It finds, with their file lines, the things a translation must
keep: headings, list items, admonitions, fenced code, links, images, attribute lists and raw
HTML. Fenced code and HTML comments are blanked out (same length, newlines kept) so that nothing
inside them is mistaken for prose, and every offset still maps to its line.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

FENCE_OPEN_RE = re.compile(r"^([ \t]*)(`{3,}|~{3,})(.*)$")
HEADING_RE = re.compile(r"^[ \t]*(#{1,6})[ \t]+(.*?)[ \t#]*$", re.M)
LIST_ITEM_RE = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S", re.M)
ADMONITION_RE = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*([\w-]+)(?:[ \t]+\"(.*?)\")?[ \t]*$", re.M)
TABLE_ROW_RE = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.M)
COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
CODE_SPAN_RE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
# [text](target "title") and ![alt](src); the text may hold one level of brackets, not a blank line.
LINK_RE = re.compile(
    r"(!?)\[((?:[^\[\]\n]|\n(?![ \t]*\n)|\[[^\[\]\n]*\])*)\]"
    r"\([ \t]*(<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))*)(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'))?[ \t]*\)"
)
REF_LINK_RE = re.compile(r"(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])+)\]\[([^\[\]\n]*)\]")
REF_DEF_RE = re.compile(r"^[ \t]{0,3}\[([^\]\n]+)\]:[ \t]*<?([^\s>]+)>?.*$", re.M)
AUTOLINK_RE = re.compile(r"<((?:[A-Za-z][A-Za-z0-9+.-]{1,31}):[^<>\s]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
ATTR_LIST_RE = re.compile(r"\{:?[ \t]*(?:[.#][\w-]|[\w-]+[ \t]*=)[^{}\n]*\}")
# Anything Python-Markdown would pass through as a raw HTML tag (deliberately loose).
TAG_RE = re.compile(r"<(/?)([A-Za-z][^\s<>/]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>")


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str


@dataclass(frozen=True)
class Admonition:
    line: int
    kind: str
    title: str | None


@dataclass(frozen=True)
class Fence:
    line: int
    content: str


@dataclass(frozen=True)
class Link:
    line: int
    start: int
    end: int
    text: str
    target: str
    image: bool


@dataclass(frozen=True)
class Tag:
    line: int
    raw: str
    name: str
    attrs: str
    closing: bool


@dataclass(frozen=True)
class Section:
    """The text from one heading to the next (section 0 is what comes before the first heading)."""

    index: int
    line: int
    start: int


@dataclass
class Document:
    """One page body, read once. Lines are file lines (the front matter counted)."""

    text: str  # the body with fenced code and comments blanked out
    first_line: int
    headings: list[Heading] = field(default_factory=list)
    list_items: list[int] = field(default_factory=list)
    admonitions: list[Admonition] = field(default_factory=list)
    table_rows: list[int] = field(default_factory=list)
    fences: list[Fence] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    autolinks: list[Link] = field(default_factory=list)
    ref_defs: list[Link] = field(default_factory=list)
    attr_lists: list[tuple[int, str]] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    _newlines: list[int] = field(default_factory=list, repr=False)

    def line_at(self, offset: int) -> int:
        """The file line of character `offset` of the body."""
        return self.first_line + bisect.bisect_right(self._newlines, offset - 1)

    def section_at(self, offset: int) -> int:
        """The index of the section holding character `offset`."""
        starts = [section.start for section in self.sections]
        return max(0, bisect.bisect_right(starts, offset) - 1)

    def count_in_sections(self, lines: list[int]) -> list[int]:
        """How many of `lines` fall in each section."""
        counts = [0] * len(self.sections)
        section_lines = [section.line for section in self.sections]
        for line in lines:
            counts[max(0, bisect.bisect_right(section_lines, line) - 1)] += 1
        return counts


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _mask_fences(body: str) -> tuple[str, list[tuple[int, str]]]:
    """Blank fenced code blocks; return the masked text and (0-based line, content) of each block."""
    lines = body.split("\n")
    fences = []
    index = 0
    while index < len(lines):
        match = FENCE_OPEN_RE.match(lines[index])
        if not match or (match.group(2)[0] == "`" and "`" in match.group(3)):
            index += 1
            continue
        indent, marker = match.group(1), match.group(2)
        close = re.compile(r"^[ \t]*" + re.escape(marker[0]) + "{" + str(len(marker)) + r",}[ \t]*$")
        end = index + 1
        while end < len(lines) and not close.match(lines[end]):
            end += 1
        content = "\n".join(line[len(indent):] if line.startswith(indent) else line.lstrip() for line in lines[index + 1:end])
        fences.append((index, content))
        for blank in range(index, min(end + 1, len(lines))):
            lines[blank] = " " * len(lines[blank])
        index = end + 1
    return "\n".join(lines), fences


def mask_code_spans(text: str) -> str:
    """`text` with inline code blanked (for the checks that must not look inside code)."""
    return CODE_SPAN_RE.sub(lambda m: _blank(m.group(0)), text)


def read_document(body: str, first_line: int = 1) -> Document:
    """Read the Markdown `body` of a page whose first body line is file line `first_line`."""
    body = body.replace("\r\n", "\n")
    masked, fence_spans = _mask_fences(body)
    masked = COMMENT_RE.sub(lambda m: _blank(m.group(0)), masked)
    doc = Document(text=masked, first_line=first_line)
    doc._newlines = [m.start() for m in re.finditer("\n", masked)]
    doc.fences = [Fence(first_line + line, content) for line, content in fence_spans]
    doc.sections = [Section(0, first_line, 0)]
    # One pass over the lines: only a line's start can open a heading, list item, box or table row.
    offset = 0
    for number, line in enumerate(masked.split("\n"), start=first_line):
        first = line.lstrip(" \t")[:1]
        if first == "#":
            match = HEADING_RE.match(line)
            if match:
                doc.headings.append(Heading(number, len(match.group(1)), match.group(2)))
                doc.sections.append(Section(len(doc.headings), number, offset))
        elif first in ("-", "*", "+") or first.isdigit():
            if LIST_ITEM_RE.match(line):
                doc.list_items.append(number)
        elif first in ("!", "?"):
            match = ADMONITION_RE.match(line)
            if match:
                doc.admonitions.append(Admonition(number, match.group(1).lower(), match.group(2)))
        elif first == "|" and TABLE_ROW_RE.match(line):
            doc.table_rows.append(number)
        offset += len(line) + 1
    markup = mask_code_spans(masked)
    for match in LINK_RE.finditer(markup):
        target = match.group(3).strip("<>")
        doc.links.append(Link(doc.line_at(match.start()), match.start(), match.end(), match.group(2), target, bool(match.group(1))))
    for match in REF_LINK_RE.finditer(markup):
        doc.links.append(Link(doc.line_at(match.start()), match.start(), match.end(), match.group(2), "[" + (match.group(3) or match.group(2)).lower() + "]", bool(match.group(1))))
    doc.ref_defs = [Link(doc.line_at(m.start()), m.start(2), m.end(2), m.group(1), m.group(2), False) for m in REF_DEF_RE.finditer(markup)]
    doc.autolinks = [Link(doc.line_at(m.start()), m.start(), m.end(), m.group(1), m.group(1), False) for m in AUTOLINK_RE.finditer(markup)]
    autolink_starts = {link.start for link in doc.autolinks}
    doc.attr_lists = [(doc.line_at(m.start()), m.group(0)) for m in ATTR_LIST_RE.finditer(markup)]
    for match in TAG_RE.finditer(markup):
        if match.start() in autolink_starts:
            continue
        doc.tags.append(Tag(doc.line_at(match.start()), match.group(0), match.group(2).lower(), match.group(3), bool(match.group(1))))
    return doc
