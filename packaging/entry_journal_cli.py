"""PyInstaller entry point of the command line (``journal-cli``)."""

import sys

from journal.cli import main

if __name__ == "__main__":
    sys.exit(main())
