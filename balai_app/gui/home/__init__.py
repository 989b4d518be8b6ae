"""The home section of the window."""
