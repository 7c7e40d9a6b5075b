"""Render every state of the level editor, headless, in both languages, at 1280×720 and as
a 1024×768 window shows it (scaled and letterboxed); the guide's pictures come from here.

Usage: ``python assets/make_editor_screenshots.py [OUT_DIR]`` (default ``/tmp/editor-shots``);
``--guide`` also copies the ones levels/README.md shows into ``assets/screenshots``.
Files are ``<lang>-<state>-<1280|1024>.png``.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ["CHANGZHENG_DATA_DIR"] = tempfile.mkdtemp(prefix="changzheng-editor-shots-")

import pygame  # noqa: E402

from game.editor.ops import Paint, SetField, SetUnit  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.autoplay import DT, headless_app, wait  # noqa: E402
from game.ui.editor.open import editor_for  # noqa: E402
from game.ui.scene import Push  # noqa: E402
from game.ui.scenes.editor import EditorScene  # noqa: E402
from game.ui.scenes.editor_start import EditorStartScene  # noqa: E402
from game.ui.window import letterbox  # noqa: E402

LEVELS = REPO / "levels"
#: The pictures the authoring guide shows: (state, language).
GUIDE = (("open", "zh"), ("patrol", "en"), ("problems", "zh"), ("ferries", "en"))


def _save(app: App, out: Path, name: str) -> None:
    app.draw()
    pygame.image.save(app.surface, str(out / f"{name}-1280.png"))
    window = pygame.Surface((1024, 768))
    window.fill((0, 0, 0))
    box = letterbox((1024, 768))
    window.blit(pygame.transform.smoothscale(app.surface, box.size), box)
    pygame.image.save(window, str(out / f"{name}-1024.png"))


def _key(app: App, code: int, mod: int = 0) -> None:
    app.frame([pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode="")], DT)


def _settle(app: App, scene: EditorScene) -> None:
    give_up = time.monotonic() + 60
    while (scene.solve_in > 0 or scene.live.searching) and time.monotonic() < give_up:
        wait(app, 0.1)


def _open(app: App, file: Path | None) -> EditorScene:
    scene = editor_for(app.game, LEVELS, file, "xiangjiang")
    assert isinstance(scene, EditorScene)
    app.stack.apply(Push(scene))
    _settle(app, scene)
    return scene


def shoot(out: Path, lang: str) -> None:
    """Every editor state in one language."""
    app = headless_app(LEVELS, lang)
    app.stack.apply(Push(EditorStartScene(app.game)))
    _save(app, out, f"{lang}-start")
    scene = _open(app, LEVELS / "01-xiangjiang" / "level-1.yaml")
    _save(app, out, f"{lang}-open")
    scene.tool = "select"
    scene.use_tool((10, 1))
    _save(app, out, f"{lang}-patrol")
    scene.route_mode, scene.selected, scene.zone = False, None, "fields"
    scene.field_focus = 4
    _save(app, out, f"{lang}-fields")
    scene.apply(SetUnit("patrols", "A", "route", "DDDDDDUUUUUU"))
    scene.apply(SetField("intro.en", ""))
    scene.zone = "map"
    _settle(app, scene)
    _save(app, out, f"{lang}-problems")
    scene.undo()
    scene.undo()
    scene.apply(Paint(tuple((x, y) for x in (5, 6) for y in range(1, 6)), "hills"))
    _settle(app, scene)
    _save(app, out, f"{lang}-unsolvable")
    scene.undo()
    _settle(app, scene)
    _key(app, pygame.K_F6)
    wait(app, 1.0)
    _save(app, out, f"{lang}-demo")
    _key(app, pygame.K_F6)
    scene.zone, scene.field_focus = "fields", 3
    _key(app, pygame.K_RETURN)
    app.frame([pygame.event.Event(pygame.TEXTINPUT, text=" Watch the sentry.")], DT)
    _save(app, out, f"{lang}-typing")
    _key(app, pygame.K_ESCAPE)
    _key(app, pygame.K_F5)
    wait(app, 0.2)
    _save(app, out, f"{lang}-testplay")
    _key(app, pygame.K_ESCAPE)
    wait(app, 0.1)
    _save(app, out, f"{lang}-back")
    for file, state in ((LEVELS / "02-chishui" / "level-2.yaml", "ferries"),
                        (LEVELS / "04-luding" / "level-2.yaml", "fires"),
                        (LEVELS / "06-baozuo" / "level-2.yaml", "reliefs"),
                        (LEVELS / "07-huining" / "level-2.yaml", "allies"),
                        (None, "new")):
        scene = _open(app, file)
        if state == "ferries":
            scene.tool = "select"
            char = next(iter(scene.document.ferries))
            scene.use_tool(min(scene.document.ferries[char].cells))
        elif state == "reliefs" and scene.document.reliefs:
            scene.tool = "select"
            relief = next(iter(scene.document.reliefs.values()))
            scene.use_tool(relief.pos)
        _save(app, out, f"{lang}-{state}")


def main(out: Path, guide: bool) -> None:
    """Both languages; with ``guide``, copy the guide's pictures."""
    out.mkdir(parents=True, exist_ok=True)
    for lang in ("zh", "en"):
        shoot(out, lang)
    if guide:
        for state, lang in GUIDE:
            shutil.copy(out / f"{lang}-{state}-1280.png",
                        REPO / "assets" / "screenshots" / f"editor-{state}.png")
    print(f"editor screenshots in {out}")


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--guide"]
    main(Path(arguments[0]) if arguments else Path("/tmp/editor-shots"),
         "--guide" in sys.argv)
