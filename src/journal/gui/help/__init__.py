"""In-app help (both languages) and the About dialog."""
