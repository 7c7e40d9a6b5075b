"""Start 长征 · The Long March: ``python main.py`` plays; ``--help`` lists the rest.

Also the entry point of the one-folder app (``.ci/changzheng.spec``), where the program is
called by its own file name (``changzheng``, ``changzheng-cli``).
"""

import multiprocessing
import sys
from pathlib import Path

from game.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # solver workers in a packaged (frozen) game
    frozen = getattr(sys, "frozen", False)
    sys.exit(main(prog=Path(sys.executable).stem if frozen else "python main.py"))
