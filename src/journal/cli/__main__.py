"""``python -m journal.cli``."""

import sys

from journal.cli import main

sys.exit(main())
