"""The start section of the window."""
