"""The directory pages: users (lazy list, detail, grants by hand), groups and roles."""

from sofa_scim_desktop.gui.directory.view import DirectoryView

__all__ = ["DirectoryView"]
