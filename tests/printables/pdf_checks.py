"""Reading the PDFs as a printer and a phone would: text and fonts with poppler, QR codes with zbar,
pixels from a rendered page."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest


def require_tool(name: str) -> str:
    """The path of a command-line tool the tests need (installed by scripts/install-system-deps.sh)."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"'{name}' is not installed: run 'make system-deps' as root (poppler-utils, zbar-tools)")
    return path


def pdf_text(pdf: Path, *, page: int | None = None) -> str:
    """The text poppler extracts from `pdf` (one page, or all)."""
    args = [require_tool("pdftotext"), "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run(args + [str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def pdf_fonts(pdf: Path) -> list[tuple[str, bool]]:
    """Each font of `pdf` (subset prefix removed) and whether it is embedded, as pdffonts reports them."""
    out = subprocess.run([require_tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
    fonts = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name, type (one or more words), encoding, emb, sub, uni, object, id
        name = parts[0].split("+", 1)[-1]
        fonts.append((name, parts[-5] == "yes"))
    return fonts


def decode_qr(pdf: Path, page: int, *, dpi: int = 150) -> list[str]:
    """Every QR code zbar finds on one page of `pdf`, rendered at `dpi`."""
    png = subprocess.run(
        [require_tool("pdftoppm"), "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), str(pdf)],
        capture_output=True, check=True,
    ).stdout
    result = subprocess.run([require_tool("zbarimg"), "--raw", "-q", "-"], input=png, capture_output=True)
    return [line for line in result.stdout.decode("utf-8").splitlines() if line]


class GrayPage:
    """One page rendered in gray by pdftoppm, addressed in PDF points."""

    def __init__(self, pdf: Path, page: int, dpi: int = 300) -> None:
        data = subprocess.run(
            [require_tool("pdftoppm"), "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page), str(pdf)],
            capture_output=True, check=True,
        ).stdout
        match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
        self.width, self.height = int(match.group(1)), int(match.group(2))
        self.pixels = data[match.end():]
        self.scale = dpi / 72.0

    def darkest(self, x: float, y: float, radius: float = 1.0) -> int:
        """The darkest gray (0 black, 255 white) within `radius` points of (x, y)."""
        cx, cy, r = round(x * self.scale), round(y * self.scale), max(1, round(radius * self.scale))
        values = [
            self.pixels[py * self.width + px]
            for py in range(max(0, cy - r), min(self.height, cy + r + 1))
            for px in range(max(0, cx - r), min(self.width, cx + r + 1))
        ]
        return min(values)


def words(text: str) -> list[str]:
    """Comparable words: NFKC, no combining marks or punctuation, casefolded."""
    text = unicodedata.normalize("NFKC", text)
    # poppler wraps right-to-left runs in embedding marks: they separate words like spaces do.
    text = "".join(" " if unicodedata.category(c) == "Cf" else c for c in text if unicodedata.category(c) != "Mn")
    text = "".join(c if (c.isalnum() or c.isspace()) else " " for c in text)
    return text.casefold().split()


def holds_text(extracted: str, expected: str) -> bool:
    """Whether poppler's `extracted` text shows the string `expected`.

    Left-to-right text must appear in order; spaces and line ends are left out of the comparison,
    because lines break anywhere (between any two characters in Chinese). For right-to-left
    text poppler's order is not the page's: it moves some Arabic vowel marks to lines of their
    own, splitting the line (and sometimes a word) around them, and loses or reverses lam-alef
    ligatures. There every word must be found, and the ligatures are left out, although the
    page shows them.
    """
    squeeze = lambda text: "".join(words(text))  # noqa: E731
    if any(unicodedata.bidirectional(c) in ("R", "AL") for c in expected):
        no_ligature = lambda text: re.sub("ل[اأإآ]", "", text)  # noqa: E731
        found = no_ligature(squeeze(extracted))
        return all(no_ligature(w) in found for w in words(expected))
    return squeeze(expected) in squeeze(extracted)


def holds_phone(extracted: str, display: str) -> bool:
    """Whether a phone number is in the text. Inside right-to-left text poppler reports its
    brackets mirrored, ')413(', although the page shows '(413)'; brackets are left out."""
    strip = lambda text: re.sub(r"[()\s]", "", text)  # noqa: E731
    return strip(display) in strip(extracted)


def word_boxes(pdf: Path, page: int) -> list[tuple[float, float, float, float, str]]:
    """Each word poppler finds on one page: (x min, y min, x max, y max, text) in points from the
    top left corner of the page's MediaBox."""
    out = subprocess.run(
        [require_tool("pdftotext"), "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [(float(m[1]), float(m[2]), float(m[3]), float(m[4]), m[5]) for m in re.finditer(pattern, out)]


def structure(reader) -> list[tuple[int, str, str]]:
    """A tagged PDF's structure tree in reading order: (depth, role such as "H1", alternative text)."""
    found: list[tuple[int, str, str]] = []

    def walk(node, depth):
        node = node.get_object() if hasattr(node, "get_object") else node
        if not isinstance(node, dict):
            return
        if node.get("/S") is not None:
            found.append((depth, str(node["/S"]).lstrip("/"), str(node.get("/Alt", ""))))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else ([kids] if kids is not None else []):
            walk(kid, depth + 1)

    root = reader.trailer["/Root"]
    if "/StructTreeRoot" in root:
        walk(root["/StructTreeRoot"], 0)
    return found
