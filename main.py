"""Start 长征 · The Long March: ``python main.py`` plays; ``--help`` lists the rest."""

import multiprocessing
import sys

from game.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # solver workers in a packaged (frozen) game
    sys.exit(main())
