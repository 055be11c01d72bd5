"""The case at a glance: the data of the overview picture (:mod:`.data`), its layout as plain
shapes (:mod:`.scene`) and the reportlab drawing of it for the PDF, SVG and PNG (:mod:`.drawing`).
The window paints the same scene with QPainter. No Qt here."""

from journal.core.overview import texts as _texts  # noqa: F401 - registers the messages
from journal.core.overview.data import (
    LANES,
    SENSITIVITY,
    Bucket,
    ChannelSwitch,
    Counterpart,
    EntryRef,
    OverviewData,
    RequestMark,
    SignMark,
    overview_data,
    overview_people,
    request_level,
)

__all__ = ["LANES", "SENSITIVITY", "Bucket", "ChannelSwitch", "Counterpart", "EntryRef",
           "OverviewData", "RequestMark", "SignMark", "overview_data", "overview_people", "request_level"]
