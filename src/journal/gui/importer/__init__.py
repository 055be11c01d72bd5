"""Importing chat exports: the import dialog and the transcript view."""
