"""The officer's side of the red card, in English in every language version.

Officers in the US read English, and a card in one fixed wording is one they learn to recognise, so
this text is never translated: it is not a gettext string. The card template and the "Show this card"
page both take it from here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OfficerSide:
    heading: str
    lead: str
    statements: tuple[str, ...]


OFFICER_SIDE = OfficerSide(
    heading="To the officer",
    lead="I am exercising my rights under the Fourth and Fifth Amendments to the U.S. Constitution.",
    statements=(
        "I choose to remain silent. I will not answer your questions.",
        "I do not consent to your entry into my home without a warrant signed by a judge. "
        "Please pass any warrant under the door.",
        "I do not consent to a search of my person, my belongings, my car or my home.",
        "I wish to speak with a lawyer.",
        "I will not sign anything without a lawyer.",
    ),
)
