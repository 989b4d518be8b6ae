"""PyInstaller's entry script: the frozen ``balai-app`` runs what ``python -m balai_app`` runs."""

import sys

from balai_app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
