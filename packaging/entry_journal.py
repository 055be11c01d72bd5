"""PyInstaller entry point of the window (``journal``)."""

import sys

from journal.gui.app import main

if __name__ == "__main__":
    sys.exit(main())
