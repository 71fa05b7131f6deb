"""Let mkdocs-static-i18n accept three-letter language codes (ISO 639-2/3, like `hmn` for Hmong).

mkdocs-static-i18n checks each `locale` against a pattern of two-letter codes, yet many languages
have no two-letter code. Its check reads the module's `RE_LOCALE`, so widening that pattern before
the i18n plugin validates `mkdocs.yml` is enough; the kyr plugin, listed first, imports this module
before mkdocs-static-i18n's configuration is validated.
"""

from __future__ import annotations

import re
import sys

LOCALE_RE = re.compile(r"(^[a-z]{2,3}(-[A-Za-z]{4})?(-[A-Z]{2})?$)|(^[a-z]{2}_[A-Z]{2}$)")


def widen() -> None:
    """Make every loaded module of mkdocs-static-i18n use `LOCALE_RE`."""
    try:
        import mkdocs_static_i18n.config  # noqa: F401
        import mkdocs_static_i18n.folder  # noqa: F401
    except ImportError:  # the i18n plugin is not installed: nothing to widen
        return
    for name in ("mkdocs_static_i18n.config", "mkdocs_static_i18n.folder"):
        module = sys.modules.get(name)
        if module is not None and hasattr(module, "RE_LOCALE"):
            module.RE_LOCALE = LOCALE_RE


widen()
