"""The settings section of the window."""
