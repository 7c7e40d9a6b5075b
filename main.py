"""Start 长征 · The Long March: ``python main.py`` plays; ``--help`` lists the rest."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main(prog="python main.py"))
