"""The certificates section of the window."""
