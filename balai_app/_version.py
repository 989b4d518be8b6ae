# Written by the build from pyproject.toml; fallback when no package metadata exists.
VERSION = "0.1.0"
