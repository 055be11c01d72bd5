"""How the overview classifies what it shows: the sensitivity of a request's target and whether
a channel is an overseas or encrypted app, from the warning-signs engine's vocabularies. The
stored levels of the overview's aggregates (core/store/overview_index.py) are made again when
:func:`classifier_fingerprint` changes."""

from __future__ import annotations

import hashlib

from journal.core.signs import vocab as v


def request_level(text: str) -> int:
    """How sensitive the target of a request is (index into SENSITIVITY), from the signs engine's
    vocabularies: military or government wording; personal or inside information; a base, an
    airfield or a port, dock or site that is not plainly a tourist spot; otherwise harmless."""
    if v.SENSITIVE.matches(text):
        return 3
    if v.INFO_STRONG.matches(text):  # inside material of a lab is data, not a place to film
        return 1
    if v.SENSITIVE_WEAK.matches(text) or (v.PLACE.matches(text)
                                          and not v.HARMLESS_TARGET.matches(text)):
        return 2
    return 0


def classifier_fingerprint() -> str:
    """Changes whenever a vocabulary request_level() reads changes: the stored levels of the
    overview's aggregates (core/store/overview_index.py) are then made again."""
    words = [(w.zh, w.en) for w in (v.SENSITIVE, v.INFO_STRONG, v.SENSITIVE_WEAK, v.PLACE,
                                     v.HARMLESS_TARGET)]
    return hashlib.sha256(repr(words).encode("utf-8")).hexdigest()[:16]


def is_overseas_channel(channel: str) -> bool:
    n = "".join(channel.lower().split())
    return bool(n) and (any(n == c or n.startswith(c) for c in v.OVERSEAS_CHANNELS)
                        or v.OVERSEAS_APP.matches(channel))
