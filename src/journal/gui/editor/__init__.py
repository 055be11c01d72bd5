"""The entry editor: one form for every kind of entry, with encrypted drafts."""
