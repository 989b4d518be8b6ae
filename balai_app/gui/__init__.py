"""The window. Screens call services only; no SQL here."""
