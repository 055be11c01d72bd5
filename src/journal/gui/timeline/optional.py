"""Find the window's feature widgets that other parts of the project provide.

A feature whose module is missing (not built yet, or left out of a build) is simply not offered:
no navigation item, no button, never a placeholder that pretends.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from typing import Any

log = logging.getLogger(__name__)

_cache: dict[tuple[str, str], Any] = {}


def feature(module: str, name: str) -> Any | None:
    """Return ``module.name`` (e.g. ``journal.gui.people.view``, ``PeopleView``) or None."""
    key = (module, name)
    if key in _cache:
        return _cache[key]
    value = None
    try:
        if importlib.util.find_spec(module) is not None:
            value = getattr(importlib.import_module(module), name, None)
    except ModuleNotFoundError:
        value = None
    except Exception:  # a broken feature must not take the whole window down
        log.exception("feature %s.%s could not be loaded", module, name)
        value = None
    _cache[key] = value
    return value


def has_feature(module: str, name: str) -> bool:
    return feature(module, name) is not None


_present: dict[str, bool] = {}


def available(module: str) -> bool:
    """Whether the feature's module is there, *without* importing it (fast start-up)."""
    if module not in _present:
        try:
            _present[module] = importlib.util.find_spec(module) is not None
        except (ImportError, ValueError):
            _present[module] = False
    return _present[module]


def forget() -> None:
    """Look again next time (tests)."""
    _cache.clear()
    _present.clear()
