"""Balai: the desktop program of an Indonesian social-rehabilitation centre."""

# Read from a module, not importlib.metadata (which costs ~0.1 s at every start).
# scripts/version.py keeps it equal to pyproject.toml; a test checks they agree.
from balai_app._version import VERSION as __version__

__all__ = ["__version__"]
