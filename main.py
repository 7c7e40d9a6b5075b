"""Start 长征 · The Long March: ``python main.py`` plays; ``--help`` lists the rest.

Also the entry point of the one-folder app (``.ci/changzheng.spec``), where the program is
called by its own file name (``changzheng``, ``changzheng-cli``).
"""

import sys
from pathlib import Path

try:
    from game.cli import main
except ModuleNotFoundError as missing:  # run from a checkout before installing
    sys.exit(f"长征 needs the package {missing.name!r}, which is not installed yet. "
             "Install the game first: pip install -e .\n"
             f"游戏还没有安装（缺少 {missing.name}）。请先运行：pip install -e .")

if __name__ == "__main__":
    frozen = getattr(sys, "frozen", False)
    if frozen:
        import multiprocessing

        multiprocessing.freeze_support()  # solver workers in the packaged game
    sys.exit(main(prog=Path(sys.executable).stem if frozen else "python main.py"))
