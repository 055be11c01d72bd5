"""The parts of the main window (:class:`journal.gui.main_window.MainWindow` composes them):
the table of its sections, its actions and menus, the section navigation, locking, the commands
behind the menus, and the offer of unfinished drafts after an unlock."""
