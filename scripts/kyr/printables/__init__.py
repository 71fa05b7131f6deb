"""Print materials in every language: red cards, waiting-room posters and the detention handout.

`layout` builds HTML from data, `fonts` checks that every character has a font, `render` is the only
WeasyPrint caller (with the fingerprint cache), `build` ties them together for the MkDocs plugin,
and `links` provides the `{{ print.* }}` and `{{ card.officer }}` placeholders.
"""

from __future__ import annotations

from . import markdown  # registers the {{ print.* }} and {{ card.officer }} placeholders
from .build import PrintReport, PrintSession, PrintSettings, build_printables
from .layout import DOCUMENTS, Document

__all__ = ["DOCUMENTS", "Document", "PrintReport", "PrintSession", "PrintSettings", "build_printables"]
