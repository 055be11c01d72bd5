"""The warning-sign ids (DESIGN §4 contract), in their order."""

from __future__ import annotations

# DESIGN §4 (contract): the ids, in this order.
SIGN_IDS: tuple[str, ...] = (
    "WS-FAST-INTIMACY",
    "WS-JOB-OFFER",
    "WS-PHOTO-TASK",
    "WS-ESCALATION",
    "WS-INFO-GATHERING",
    "WS-CHANNEL-SWITCH",
    "WS-SECRECY",
    "WS-DEVICE-GIFT",
    "WS-UNUSUAL-PAYMENT",
    "WS-PAID-HOUSING",
    "WS-VAGUE-IDENTITY",
    "WS-PRESSURE",
)
