"""The common section of the window."""
