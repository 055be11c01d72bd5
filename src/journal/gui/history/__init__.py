"""An entry's revision history and the trash."""
