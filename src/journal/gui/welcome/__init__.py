"""First-run welcome, create / open / unlock screens."""

from journal.gui.welcome.screen import (
    WelcomeScreen,
    register_damaged_handler,
    unregister_damaged_handler,
)

__all__ = ["WelcomeScreen", "register_damaged_handler", "unregister_damaged_handler"]
