"""The main window's pages, by their place in its stack (the navigation and View menu name them)."""

SYNC_PAGE, DIRECTORY_PAGE, SETTINGS_PAGE, OUTBOX_PAGE = range(4)
