"""The residents section of the window."""
