"""The PySide6 window. Every module here may import Qt; :mod:`journal.core` never does."""
