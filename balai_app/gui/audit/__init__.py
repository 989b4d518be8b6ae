"""The audit section of the window."""
