"""The desktop app (PySide6): it reaches the database only through the services."""
