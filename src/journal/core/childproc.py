"""What every helper process the app starts shares (the picture helper, the import sandbox, the
recognition child, verify's second process).

On Windows a program started from the window would open a console window of its own beside it (a
black box that a frightened user may close, or take for something wrong); ``CREATE_NO_WINDOW``
keeps it hidden. Elsewhere the flag does not exist and nothing is asked (0).
"""

from __future__ import annotations

import subprocess

NO_CONSOLE: int = getattr(subprocess, "CREATE_NO_WINDOW", 0)
