"""Load and validate `clinic.yml`, the one file a clinic edits to make the site its own.

Validation happens once, here: the rest of kyr receives a frozen `Clinic` and never sees raw YAML.
Every error names the file, the line and the key, and says how to fix it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from urllib.parse import urlsplit

import phonenumbers
from babel import Locale, UnknownLocaleError
from babel.core import get_global

from .errors import ConfigError
from .promises import PROMISES
from .yamlfile import LocatedYaml, key_path_text, parse_yaml

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_HOURS_RE = re.compile(
    r"^(?P<first>[a-z]{3})(?:-(?P<last>[a-z]{3}))?\s+(?P<opens>\d{1,2}:\d{2})-(?P<closes>\d{1,2}:\d{2})$"
)
ALWAYS_OPEN = "24/7"


@dataclass(frozen=True)
class Phone:
    """A phone number: `e164` for `tel:` links, `display` as people in the US write it."""

    e164: str
    display: str

    @property
    def tel_url(self) -> str:
        return f"tel:{self.e164}"


@dataclass(frozen=True)
class OpeningSpan:
    """Opening hours on a run of days, e.g. Monday to Friday, 9:00 to 17:00."""

    first_day: int  # 0 = Monday
    last_day: int
    opens: time
    closes: time


@dataclass(frozen=True)
class Hours:
    """When a service answers: always, or during the listed spans."""

    always: bool
    spans: tuple[OpeningSpan, ...] = ()


@dataclass(frozen=True)
class Hotline:
    name: str
    phone: Phone
    hours: Hours


@dataclass(frozen=True)
class LegalPartner:
    name: str
    phone: Phone
    hours: Hours
    after_hours: bool
    languages: tuple[str, ...]
    website: str | None


@dataclass(frozen=True)
class Consulate:
    country: str  # ISO 3166 alpha-2, upper case
    city: str
    phone: Phone
    website: str | None


DEFAULT_REVIEW_PERIOD_DAYS = 90  # how old a page's facts may get before readers are told (kyr/review.py)


@dataclass(frozen=True)
class Clinic:
    """Everything a clinic configures, validated."""

    name: str
    address: str
    phone: Phone
    website: str | None
    email: str | None
    logo: Path | None
    interpreter_languages: tuple[str, ...]
    hotline: Hotline
    legal_partners: tuple[LegalPartner, ...]
    consulates: tuple[Consulate, ...]
    source: Path
    promises: frozenset[str] = frozenset()  # the keys of `promises.PROMISES` the clinic confirmed
    review_period_days: int = DEFAULT_REVIEW_PERIOD_DAYS


@dataclass(frozen=True)
class ExampleValue:
    """A value still left from the shipped example, which a production build refuses."""

    key: str
    value: str
    line: int | None


def load_clinic(path: Path | str) -> Clinic:
    """Read and validate the clinic file at `path`; raise `ConfigError` on any problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            "file not found",
            path=path,
            hint="copy the example clinic.yml from the kyr repository and edit it",
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read this file ({exc})", path=path) from None
    return parse_clinic(text, path=path)


def parse_clinic(text: str, *, path: Path) -> Clinic:
    """Validate the YAML `text` of a clinic file; `path` is used in errors and for the logo."""
    doc = parse_yaml(text, path=path, error=ConfigError)
    return _ClinicReader(doc, path).read()


def find_example_values(clinic: Clinic, text: str | None = None) -> list[ExampleValue]:
    """List the values that are still the shipped example's (555-01xx numbers, example.org...)."""
    doc = parse_yaml(text if text is not None else clinic.source.read_text(encoding="utf-8"), path=clinic.source, error=ConfigError)
    found: list[ExampleValue] = []

    def walk(value, key_path):
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, key_path + (key,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, key_path + (index,))
        elif isinstance(value, str) and _looks_like_example(value):
            found.append(ExampleValue(key_path_text(key_path), value, doc.line_of(key_path)))

    walk(doc.data, ())
    return found


@dataclass(frozen=True)
class UnconfirmedPromise:
    """A promise the clinic has not stated true: pages and posters leave it out. Production refuses
    one not stated at all (`value` None); one stated false is the clinic's decision."""

    key: str
    value: bool | None  # False, or None when clinic.yml does not mention it
    line: int | None


def find_unconfirmed_promises(clinic: Clinic, text: str | None = None) -> list[UnconfirmedPromise]:
    """Every promise of `promises.PROMISES` that `clinic.yml` does not set to true, with its line
    (the line of `promises:` itself, or none, for a promise the file does not mention)."""
    doc = parse_yaml(text if text is not None else clinic.source.read_text(encoding="utf-8"), path=clinic.source, error=ConfigError)
    stated = doc.data.get("promises") if isinstance(doc.data, dict) else None
    stated = stated if isinstance(stated, dict) else {}
    found = []
    for key in PROMISES:
        if key in clinic.promises:
            continue
        line = doc.line_of(("promises", key)) if key in stated else doc.line_of(("promises",))
        found.append(UnconfirmedPromise(key, stated.get(key), line))
    return found


def production_problems(clinic: Clinic) -> str | None:
    """Why a production build must not go ahead, or None: example values left in the clinic file,
    and promises the clinic has not stated at all (each would silently vanish from every page).
    A promise stated false is the clinic's decision: it is left out, named in the log, and allowed."""
    parts = []
    examples = find_example_values(clinic)
    if examples:
        listing = "\n".join(f"  {clinic.source}:{e.line}: {e.key}: {e.value}" for e in examples)
        parts.append(
            f"{len(examples)} example value(s) remain in the clinic file:\n"
            f"{listing}\n  hint: replace each with your clinic's real details"
        )
    unstated = [p for p in find_unconfirmed_promises(clinic) if p.value is None]
    if unstated:
        listing = "\n".join(f"  {clinic.source}{f':{p.line}' if p.line else ''}: promises.{p.key}: not stated ({PROMISES[p.key]})" for p in unstated)
        parts.append(
            f"{len(unstated)} promise(s) not confirmed, so left out of the welcome statement and the poster:\n"
            f"{listing}\n  hint: under 'promises:', write true only if it is so at your clinic, or false to leave it out on purpose"
        )
    return "production build refused: " + "\n".join(parts) if parts else None


_EXAMPLE_PHONE = re.compile(r"555[\s.\-)]*01\d\d\b")
_EXAMPLE_HOST = re.compile(r"(^|[@./])example\.(org|com|net)\b|\.example\b", re.IGNORECASE)


def _looks_like_example(value: str) -> bool:
    return bool(_EXAMPLE_PHONE.search(value) or _EXAMPLE_HOST.search(value) or "(example)" in value.lower())


class _ClinicReader:
    """Walks the parsed YAML once, turning each value into its typed form or a located error."""

    TOP_KEYS = {
        "name": True,
        "address": True,
        "phone": True,
        "website": False,
        "email": False,
        "logo": False,
        "interpreter_languages": True,
        "hotline": True,
        "legal_partners": True,
        "consulates": False,
        "promises": False,
        "review_period_days": False,
    }

    def __init__(self, doc: LocatedYaml, path: Path) -> None:
        self.doc = doc
        self.path = path

    def fail(self, key_path: tuple, message: str, hint: str | None = None) -> ConfigError:
        return ConfigError(
            message,
            path=self.path,
            line=self.doc.line_of(key_path),
            key=key_path_text(key_path) or None,
            hint=hint,
        )

    def read(self) -> Clinic:
        data = self.doc.data
        if not isinstance(data, dict):
            raise self.fail((), "expected a list of settings like 'name: Our Clinic'", "start from the example clinic.yml")
        self.check_keys(data, (), self.TOP_KEYS)
        hotline = self.mapping(data, ("hotline",), {"name": True, "phone": True, "hours": True})
        return Clinic(
            name=self.text(data, ("name",)),
            address=self.text(data, ("address",)),
            phone=self.phone(data, ("phone",)),
            website=self.url(data, ("website",), required=False),
            email=self.email(data, ("email",)),
            logo=self.logo(data, ("logo",)),
            interpreter_languages=self.languages(data, ("interpreter_languages",)),
            hotline=Hotline(
                name=self.text(hotline, ("hotline", "name")),
                phone=self.phone(hotline, ("hotline", "phone")),
                hours=self.hours(hotline, ("hotline", "hours")),
            ),
            legal_partners=tuple(self.partner(item, key_path) for item, key_path in self.items(data, ("legal_partners",))),
            consulates=tuple(self.consulate(item, key_path) for item, key_path in self.items(data, ("consulates",), required=False)),
            source=self.path,
            promises=self.promises(data, ("promises",)),
            review_period_days=self.days(data, ("review_period_days",), DEFAULT_REVIEW_PERIOD_DAYS),
        )

    # -- shapes ---------------------------------------------------------------------------------

    def check_keys(self, data: dict, key_path: tuple, keys: dict) -> None:
        for key in data:
            if key not in keys:
                close = difflib.get_close_matches(str(key), list(keys), n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"the keys allowed here are: {', '.join(keys)}"
                raise self.fail(key_path + (key,), "unknown setting", hint)
        for key, required in keys.items():
            if required and key not in data:
                raise self.fail(key_path, f"missing required setting '{key}'", f"add '{key}:' (see the example clinic.yml)")

    def mapping(self, data: dict, key_path: tuple, keys: dict) -> dict:
        value = data.get(key_path[-1])
        if not isinstance(value, dict):
            raise self.fail(key_path, f"expected a group of settings ({', '.join(keys)}), got {_describe(value)}", "indent the settings under it by two spaces, as in the example clinic.yml")
        self.check_keys(value, key_path, keys)
        return value

    def items(self, data: dict, key_path: tuple, required: bool = True):
        value = data.get(key_path[-1])
        if value is None and not required:
            return []
        if not isinstance(value, list):
            raise self.fail(key_path, f"expected a list (lines starting with '- '), got {_describe(value)}", "write each item on its own line starting with '- ', as in the example clinic.yml")
        return [(item, key_path + (index,)) for index, item in enumerate(value)]

    def text(self, data: dict, key_path: tuple) -> str:
        value = data.get(key_path[-1])
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key_path, f"expected text, got {_describe(value)}", "put the text after the colon, in quotes if it contains ':'")
        return value.strip()

    def phone(self, data: dict, key_path: tuple) -> Phone:
        value = data.get(key_path[-1])
        if isinstance(value, int):
            value = str(value)
        if not isinstance(value, str):
            raise self.fail(key_path, f"expected a phone number, got {_describe(value)}", "write it in quotes, like \"+1 617-555-0100\"")
        try:
            number = phonenumbers.parse(value, "US")
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_possible_number(number) or re.search(r"[A-Za-z]", value):
            raise self.fail(
                key_path,
                f"expected a phone number, got '{value}'",
                "write digits only, like \"+1 617-555-0100\" (a number outside the US starts with + and its country code)",
            )
        national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        if number.country_code == 1:
            display = national
        else:
            display = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        return Phone(e164=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), display=display)

    def url(self, data: dict, key_path: tuple, required: bool) -> str | None:
        value = data.get(key_path[-1])
        if value is None and not required:
            return None
        if not isinstance(value, str):
            raise self.fail(key_path, f"expected a web address, got {_describe(value)}", "see the example clinic.yml for the expected form")
        parts = urlsplit(value.strip())
        if parts.scheme != "https" or not parts.netloc or " " in value.strip():
            raise self.fail(
                key_path,
                f"expected a web address starting with https://, got '{value}'",
                "only secure (https) links are published; check the address in a browser",
            )
        return value.strip()

    def email(self, data: dict, key_path: tuple) -> str | None:
        value = data.get(key_path[-1])
        if value is None:
            return None
        if not isinstance(value, str) or not re.fullmatch(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", value.strip()):
            raise self.fail(key_path, f"expected an e-mail address, got {_describe(value)}", "see the example clinic.yml for the expected form")
        return value.strip()

    def logo(self, data: dict, key_path: tuple) -> Path | None:
        value = data.get(key_path[-1])
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(key_path, f"expected the path of an image file, got {_describe(value)}", "see the example clinic.yml for the expected form")
        logo = (self.path.parent / value).resolve()
        if logo.suffix.lower() not in {".svg", ".png", ".jpg", ".jpeg"}:
            raise self.fail(key_path, f"expected an .svg, .png or .jpg image, got '{value}'", "see the example clinic.yml for the expected form")
        if not logo.is_file():
            raise self.fail(key_path, f"no image at '{value}'", f"the path is relative to {self.path.name}'s folder")
        return logo

    def hours(self, data: dict, key_path: tuple) -> Hours:
        value = data.get(key_path[-1])
        if value == ALWAYS_OPEN:
            return Hours(always=True)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value:
            raise self.fail(key_path, f"expected opening hours, got {_describe(value)}", 'write "24/7", or a list like ["mon-fri 09:00-17:00", "sat 10:00-14:00"]')
        spans = []
        for index, item in enumerate(value):
            match = _HOURS_RE.match(item.strip().lower()) if isinstance(item, str) else None
            span = _span(match) if match else None
            if span is None:
                raise self.fail(
                    key_path + (index,) if len(value) > 1 else key_path,
                    f"cannot read the opening hours '{item}'",
                    'write days and 24-hour times like "mon-fri 09:00-17:00" (days: mon tue wed thu fri sat sun)',
                )
            spans.append(span)
        return Hours(always=False, spans=tuple(spans))

    def days(self, data: dict, key_path: tuple, default: int) -> int:
        value = data.get(key_path[-1], default)
        if isinstance(value, bool) or not isinstance(value, int) or not 7 <= value <= 730:
            raise self.fail(key_path, f"expected a number of days from 7 to 730, got {_describe(value)}", "write a whole number of days, e.g. 'review_period_days: 90' (3 months)")
        return value

    def boolean(self, data: dict, key_path: tuple) -> bool:
        value = data.get(key_path[-1])
        if not isinstance(value, bool):
            raise self.fail(key_path, f"expected yes or no (true or false), got {_describe(value)}", "write true or false")
        return value

    def promises(self, data: dict, key_path: tuple) -> frozenset[str]:
        value = data.get(key_path[-1])
        if value is None:
            return frozenset()
        if not isinstance(value, dict):
            raise self.fail(key_path, f"expected a group of promises, each true or false, got {_describe(value)}", "indent each promise under 'promises:' by two spaces, as in the example clinic.yml")
        self.check_keys(value, key_path, dict.fromkeys(PROMISES, False))
        confirmed = set()
        for key in value:
            item = value[key]
            if not isinstance(item, bool):
                raise self.fail(key_path + (key,), f"expected true or false, got {_describe(item)}", f"write true only if this is so at your clinic: {PROMISES[key]}; otherwise false")
            if item:
                confirmed.add(key)
        return frozenset(confirmed)

    def languages(self, data: dict, key_path: tuple) -> tuple[str, ...]:
        value = data.get(key_path[-1])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key_path, f"expected a list of language codes like [en, es, ht], got {_describe(value)}", "write the codes in square brackets, separated by commas")
        for index, code in enumerate(value):
            try:
                Locale.parse(code, sep="-")
            except (ValueError, UnknownLocaleError):
                if _named_by_cldr(code):  # Hmong (hmn): no locale data, but a name in every language
                    continue
                close = difflib.get_close_matches(code.lower(), sorted(get_global("language_aliases").keys() | set(_KNOWN_LANGUAGES)), n=3)
                hint = f"did you mean {', '.join(repr(c) for c in close)}?" if close else "use a code like es, pt, ht, zh, vi, ar"
                raise self.fail(key_path + (index,), f"unknown language code '{code}'", hint) from None
        return tuple(value)

    def partner(self, item, key_path: tuple) -> LegalPartner:
        keys = {"name": True, "phone": True, "hours": True, "after_hours": True, "languages": True, "website": False}
        if not isinstance(item, dict):
            raise self.fail(key_path, f"expected a legal partner (name, phone, hours, ...), got {_describe(item)}", "see the example clinic.yml for the expected form")
        self.check_keys(item, key_path, keys)
        return LegalPartner(
            name=self.text(item, key_path + ("name",)),
            phone=self.phone(item, key_path + ("phone",)),
            hours=self.hours(item, key_path + ("hours",)),
            after_hours=self.boolean(item, key_path + ("after_hours",)),
            languages=self.languages(item, key_path + ("languages",)),
            website=self.url(item, key_path + ("website",), required=False),
        )

    def consulate(self, item, key_path: tuple) -> Consulate:
        keys = {"country": True, "city": True, "phone": True, "website": False}
        if not isinstance(item, dict):
            raise self.fail(key_path, f"expected a consulate (country, city, phone), got {_describe(item)}", "see the example clinic.yml for the expected form")
        self.check_keys(item, key_path, keys)
        country = item.get("country")
        if not isinstance(country, str) or country.upper() not in Locale("en").territories or not re.fullmatch(r"[A-Za-z]{2}", country):
            raise self.fail(key_path + ("country",), f"expected a 2-letter country code like MX or HT, got {_describe(country)}", "use the ISO 3166 code of the country, e.g. MX, HT, BR, CN, VN")
        return Consulate(
            country=country.upper(),
            city=self.text(item, key_path + ("city",)),
            phone=self.phone(item, key_path + ("phone",)),
            website=self.url(item, key_path + ("website",), required=False),
        )


_KNOWN_LANGUAGES = Locale("en").languages.keys()


def _span(match: re.Match) -> OpeningSpan | None:
    first = match["first"]
    last = match["last"] or first
    if first not in DAYS or last not in DAYS:
        return None
    try:
        opens = time(*map(int, match["opens"].split(":")))
        closes = time(*map(int, match["closes"].split(":")))
    except ValueError:
        return None
    return OpeningSpan(DAYS.index(first), DAYS.index(last), opens, closes)


def _describe(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, (dict,)):
        return "a group of settings"
    if isinstance(value, list):
        return "a list"
    return f"'{value}'"


def _named_by_cldr(code: str) -> bool:
    """Whether CLDR names the language `code` though it has no locale data for it (like `hmn`)."""
    return isinstance(code, str) and code.lower() in Locale("en").languages
