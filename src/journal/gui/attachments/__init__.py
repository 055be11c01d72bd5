"""Attachments: in-memory thumbnails, paste / drop / add, and the in-app viewer."""
