"""Data files (fonts, icons, translations, help); installed as ``journal.resources``."""
