"""First-run welcome, create / open / unlock screens."""

from journal.gui.welcome.screen import WelcomeScreen

__all__ = ["WelcomeScreen"]
