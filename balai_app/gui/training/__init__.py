"""The training section of the window."""
