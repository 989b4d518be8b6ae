"""The reports section of the window."""
