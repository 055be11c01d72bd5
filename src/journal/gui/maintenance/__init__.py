"""Journal menu tools that act on the whole journal: change the passphrase, check integrity."""

from journal.gui.maintenance.integrity import IntegrityDialog
from journal.gui.maintenance.passphrase import ChangePassphraseDialog

__all__ = ["ChangePassphraseDialog", "IntegrityDialog"]
