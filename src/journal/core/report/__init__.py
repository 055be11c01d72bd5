"""The report (DESIGN §5): a PDF for a teacher or an official, and a short plain-text summary."""

from journal.core.report.options import ReportOptions, ReportStats
from journal.core.report.pdf import build_pdf
from journal.core.report.text import build_text

__all__ = ["ReportOptions", "ReportStats", "build_pdf", "build_text"]
