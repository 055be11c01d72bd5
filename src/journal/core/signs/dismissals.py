"""The user's judgement: a warning sign the user has set aside as "not this", with a reason.

Kept inside the journal (table ``sign_dismissals``, schema v3, see
:mod:`journal.core.store.dismissals`) and written to the audit chain like every other change
(object type ``dismissal``, the sign id as object id), so ``verify`` notices a dismissal added,
changed or removed outside the app. This module checks what the user typed and says what is
wrong in their language.

    dismiss(journal, "WS-DEVICE-GIFT", "My mother bought it")
    undismiss(journal, "WS-DEVICE-GIFT")
    dismissals(journal)  # {sign id: Dismissal}

A dismissed sign is still computed and still listed (greyed, with the reason); the PDF leaves it
out of the present signs and says that the user set it aside and why. No Qt.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from journal.core import i18n
from journal.core.errors import InputError
from journal.core.signs.ids import SIGN_IDS

if TYPE_CHECKING:  # pragma: no cover
    from journal.core.store import Journal

log = logging.getLogger(__name__)

MAX_REASON = 300  # characters

i18n.register({
    "error.sign_unknown": {
        "en": "“{text}” is not a warning sign. Use an id that `journal-cli signs --json` lists, "
              "for example WS-PHOTO-TASK.",
        "zh": "“{text}”不是警示信号的编号。请使用 journal-cli signs --json 列出的编号，"
              "例如 WS-PHOTO-TASK。",
    },
    "error.dismiss_reason_empty": {
        "en": "Write a short reason why this sign does not fit your situation.",
        "zh": "请简短写明这个信号为什么不符合你的情况。",
    },
    "error.dismiss_reason_long": {
        "en": "The reason is {n} characters long. Keep it under {max} characters.",
        "zh": "理由有 {n} 个字，请控制在 {max} 个字以内。",
    },
    "error.not_dismissed": {
        "en": "This sign has not been set aside, so there is nothing to undo.",
        "zh": "这个信号没有被标为“不适用”，无需撤销。",
    },
})


@dataclass(frozen=True)
class Dismissal:
    sign_id: str
    reason: str
    dismissed_at: datetime  # UTC


def _check_sign(sign_id: str) -> str:
    normal = sign_id.strip().upper()
    if normal not in SIGN_IDS:
        raise InputError("error.sign_unknown", field="sign", text=sign_id)
    return normal


def check_reason(reason: str) -> str:
    """The reason as it will be kept (stripped), or an InputError the user can act on."""
    text = " ".join(reason.split())
    if not text:
        raise InputError("error.dismiss_reason_empty", field="reason")
    if len(text) > MAX_REASON:
        raise InputError("error.dismiss_reason_long", field="reason", n=len(text), max=MAX_REASON)
    return text


def dismiss(journal: Journal, sign_id: str, reason: str) -> Dismissal:
    """Set a sign aside as "not this" (or change the reason of one already set aside)."""
    sign = _check_sign(sign_id)
    text = check_reason(reason)
    at = journal.dismiss_sign(sign, text)
    log.info("warning sign set aside by the user (%s)", sign)  # the id only, never the reason
    return Dismissal(sign, text, at)


def undismiss(journal: Journal, sign_id: str) -> None:
    """Count a sign again that the user had set aside."""
    sign = _check_sign(sign_id)
    if not journal.undismiss_sign(sign):
        raise InputError("error.not_dismissed", field="sign")
    log.info("warning sign counted again (%s)", sign)


def dismissals(journal: Journal) -> dict[str, Dismissal]:
    return {sign: Dismissal(sign, reason, at) for sign, reason, at in journal.sign_dismissals()}
