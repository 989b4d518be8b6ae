"""Balai: the desktop program of an Indonesian social-rehabilitation centre."""

from importlib import metadata as _metadata


def _read_version() -> str:
    try:
        return _metadata.version("balai-app")
    except _metadata.PackageNotFoundError:  # frozen build or plain source tree
        from balai_app._version import VERSION

        return VERSION


__version__ = _read_version()
