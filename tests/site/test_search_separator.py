"""The search separator in mkdocs.yml ends words at the punctuation of every script of the site."""

from __future__ import annotations

import re

import pytest

from kyrtest import ROOT
from kyr.yamlfile import load_config_yaml


def separator() -> re.Pattern:
    config = load_config_yaml((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    search = next(p["search"] for p in config["plugins"] if isinstance(p, dict) and "search" in p)
    return re.compile(search["separator"])  # Python reads this JavaScript pattern the same way


def tokens(text: str) -> list[str]:
    return [t for t in separator().split(text) if t]


@pytest.mark.parametrize("text, words", [
    ("ዝም፡የማለት፡መብት፡አለዎት።", ["ዝም", "የማለት", "መብት", "አለዎት"]),  # Ethiopic word space and full stop
    ("दरवाज़ा न खोलें। वकील मांगें॥", ["दरवाज़ा", "न", "खोलें", "वकील", "मांगें"]),  # Devanagari dandas
    ("دروازہ نہ کھولیں۔ وکیل، مانگیں؟", ["دروازہ", "نہ", "کھولیں", "وکیل", "مانگیں"]),  # Urdu full stop, Arabic comma and question mark
    ("တံခါးမဖွင့်ပါနှင့်။ ရှေ့နေ၊", ["တံခါးမဖွင့်ပါနှင့်", "ရှေ့နေ"]),  # Burmese: phrases end at ။ and ၊
    ("Call 413-555-0199, version 9.5.", ["Call", "413", "555", "0199", "version", "9.5"]),
])
def test_words_end_at_each_scripts_punctuation(text, words):
    assert tokens(text) == words
