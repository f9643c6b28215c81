"""The synchronization editor: one window, four tabs, "Save synchronization"."""
