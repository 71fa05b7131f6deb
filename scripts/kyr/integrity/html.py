"""Raw HTML and unsafe addresses: a translation may carry a few harmless inline tags, never a
script, an event handler, a `javascript:` or `data:` address, or anything loaded from another host.

Our readers' safety depends on the site requesting nothing from any other host, and on no
contributor being able to run code in their browser.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Iterable
from urllib.parse import urlsplit

from .findings import Finding
from .markdown import AUTOLINK_RE, TAG_RE, Document, mask_code_spans

# Harmless inline tags and the attributes they may carry.
ALLOWED_TAGS: dict[str, frozenset[str]] = {
    "br": frozenset(),
    "wbr": frozenset(),
    "bdi": frozenset({"dir", "lang"}),
    "span": frozenset({"dir", "lang"}),
    "abbr": frozenset({"title", "lang", "dir"}),
}
EMBEDDING_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "portal"}
RESOURCE_ATTRS = {"src", "srcset", "poster", "data", "background", "href", "action", "formaction", "xlink:href", "cite"}
ATTR_RE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")
ALLOWED_HINT = "write Markdown instead; the only HTML allowed is " + ", ".join(f"<{t}>" for t in ALLOWED_TAGS) + " (span: lang and dir only)"


def _normalized(url: str) -> str:
    """An address as a browser reads it: entities decoded, spaces and control characters dropped."""
    decoded = html.unescape(url)
    return "".join(ch for ch in decoded if ch > " " and ch != "\x7f").lower()


def url_problem(url: str, *, resource: bool) -> tuple[str, str] | None:
    """(code, message) if `url` is unsafe to link to, or (for a `resource`) to load; else None."""
    plain = _normalized(url)
    for scheme in UNSAFE_SCHEMES:
        if plain.startswith(scheme):
            return "unsafe-url", f"the address '{url}' uses '{scheme}', which can run code or hide content"
    if resource:
        parts = urlsplit(plain)
        if parts.netloc or plain.startswith("//"):
            return "remote-resource", f"'{url}' would be loaded from another host ({parts.netloc or plain[2:].split('/')[0]})"
    return None


def _attributes(attrs: str) -> list[tuple[str, str | None]]:
    return [(m.group(1).lower(), m.group(2).strip("\"'") if m.group(2) is not None else None) for m in ATTR_RE.finditer(attrs)]


def check_tags(tags: Iterable[tuple[int, str, str, str, bool]], path: Path) -> list[Finding]:
    """Findings for raw HTML tags given as (line, raw, name, attributes, closing)."""
    findings = []
    reported: set[str] = set()  # an element reported at its opening tag is not reported again at its end
    for line, raw, name, attrs, closing in tags:
        if closing:
            if name not in ALLOWED_TAGS and name not in reported:
                findings.append(Finding(path, line, "html-tag", f"raw HTML '{raw}' is not allowed", hint=ALLOWED_HINT, translation=raw))
            continue
        parsed = _attributes(attrs)
        if name not in ALLOWED_TAGS:
            reported.add(name)
        handlers = [key for key, _ in parsed if key.startswith("on")]
        if name == "script":
            findings.append(Finding(path, line, "html-script", f"'{raw}': a script is never allowed in a page", hint="remove it; pages carry text only", translation=raw))
        elif name in EMBEDDING_TAGS:
            findings.append(Finding(path, line, "html-embed", f"'{raw}': <{name}> would show content from elsewhere", hint="remove it; link to the page instead", translation=raw))
        for key in handlers:
            findings.append(Finding(path, line, "html-event-handler", f"the attribute '{key}=' in '{raw}' runs a script", hint="remove it", translation=raw))
        unsafe = False
        for key, value in parsed:
            if value is None:
                continue
            problem = url_problem(value, resource=key in RESOURCE_ATTRS and key not in ("href", "cite")) if key in RESOURCE_ATTRS else None
            if problem is None and key == "style" and re.search(r"url\s*\(|expression\s*\(", value, re.I):
                problem = ("remote-resource", f"the style in '{raw}' loads or runs something")
            if problem is None and any(_normalized(value).startswith(s) for s in UNSAFE_SCHEMES):
                problem = ("unsafe-url", f"the attribute '{key}' in '{raw}' holds a '{_normalized(value).split(':')[0]}:' address")
            if problem:
                unsafe = True
                findings.append(Finding(path, line, problem[0], problem[1], hint="remove it; load nothing from other hosts and no code", translation=value))
        if name in ("script",) or name in EMBEDDING_TAGS or handlers or unsafe:
            continue
        if name not in ALLOWED_TAGS:
            findings.append(Finding(path, line, "html-tag", f"raw HTML '{raw}' is not allowed", hint=ALLOWED_HINT, translation=raw))
            continue
        for key, _value in parsed:
            if key not in ALLOWED_TAGS[name]:
                findings.append(Finding(path, line, "html-attribute", f"the attribute '{key}' is not allowed on <{name}> ('{raw}')", hint=ALLOWED_HINT, translation=raw))
    return findings


def check_document(doc: Document, path: Path) -> list[Finding]:
    """Raw HTML, unsafe link addresses, remote images and risky attribute lists in a page body."""
    findings = check_tags(((t.line, t.raw, t.name, t.attrs, t.closing) for t in doc.tags), path)
    for link in doc.links + doc.autolinks + doc.ref_defs:
        problem = url_problem(link.target, resource=link.image)
        if problem:
            findings.append(Finding(path, link.line, problem[0], problem[1], hint="link only to the addresses of the English page; images come from this site", translation=link.target))
    for line, attr_list in doc.attr_lists:
        for key, value in _attributes(attr_list.strip("{}:")):
            if key.startswith("on"):
                findings.append(Finding(path, line, "html-event-handler", f"the attribute '{key}=' in '{attr_list}' runs a script", hint="remove it", translation=attr_list))
            elif key in ("style", "src", "href") or (value and any(_normalized(value).startswith(s) for s in UNSAFE_SCHEMES)):
                findings.append(Finding(path, line, "html-attribute", f"the attribute '{key}=' in '{attr_list}' is not allowed", hint="attribute lists may set classes and ids only, as the English page does", translation=attr_list))
    return findings


def check_text(text: str, path: Path, line: int | None) -> list[Finding]:
    """The same checks on a piece of text that is not a whole page (a title, a catalog message)."""
    masked = mask_code_spans(text)
    autolinks = {m.start() for m in AUTOLINK_RE.finditer(masked)}
    tags = [(line, m.group(0), m.group(2).lower(), m.group(3), bool(m.group(1))) for m in TAG_RE.finditer(masked) if m.start() not in autolinks]
    return check_tags(tags, path)
