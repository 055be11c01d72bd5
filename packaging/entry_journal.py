"""PyInstaller entry point of the window (``journal``)."""

import sys

from journal.gui.app import main

if __name__ == "__main__":
    if sys.argv[1:2] == ["--journal-parse-sandbox"]:  # an import's reader (core/importers/sandbox.py)
        from journal.core.importers.sandbox import child_main

        child_main()
    if sys.argv[1:2] == ["--journal-ocr-child"]:  # the recognition child (journal.core.ocr.runner)
        from journal.core.ocr.child import main as ocr_child

        sys.exit(ocr_child())
    if sys.argv[1:2] == ["--journal-verify-child"]:  # verify's second process (core/store/verifychild.py)
        from journal.core.store.verifychild import child_main as verify_child

        sys.exit(verify_child())
    sys.exit(main())
