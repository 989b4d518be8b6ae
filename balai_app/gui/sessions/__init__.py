"""The sessions section of the window."""
