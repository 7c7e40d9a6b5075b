"""The level editor's screen, driven as a teacher would: by keyboard only, by mouse only;
the verdict arrives while frames keep coming; test play comes back to the editor."""

from __future__ import annotations

import time
from pathlib import Path

import pygame
import pytest

from game.content.levels import load_level
from game.editor.files import new_level, open_level
from game.editor.ops import SetField
from game.editor.verdict import Status
from game.ui.app import App
from game.ui.autoplay import DT, click, headless_app, press, wait
from game.ui.editor.play import EditorPlayScene
from game.ui.editor.view import TOOLS, MapView
from game.ui.input import KEY_FOR_ACTION
from game.ui.scene import Push
from game.ui.scenes.editor import MAP_AREA, PROBLEMS, TOOLBAR, EditorScene
from game.ui.scenes.editor_start import EditorStartScene
from game.ui.scenes.title import TitleScene

REPO = Path(__file__).resolve().parents[2]
LEVELS = REPO / "levels"


def _editor(tmp_path: Path, lang: str = "en") -> tuple[App, EditorScene, Path]:
    app = headless_app(LEVELS, lang)
    target = tmp_path / "mine.yaml"
    scene = EditorScene(app.game, new_level("xiangjiang", target), target, LEVELS)
    app.stack.apply(Push(scene))
    return app, scene, target


def key(app: App, code: int, mod: int = 0) -> None:
    app.frame([pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode="")], DT)


def drag(app: App, cells: list[tuple[int, int]]) -> None:
    app.frame([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=cells[0], button=1)], DT)
    for point in cells[1:]:
        app.frame([pygame.event.Event(pygame.MOUSEMOTION, pos=point, rel=(0, 0),
                                      buttons=(1, 0, 0))], DT)
    app.frame([pygame.event.Event(pygame.MOUSEBUTTONUP, pos=cells[-1], button=1)], DT)


def _settle(app: App, scene: EditorScene, seconds: float = 60.0) -> float:
    """Run frames until the verdict is in; return the longest frame in CPU time (this
    process's, so a solver running in it would count; a busy machine's waits do not)."""
    longest = 0.0
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        began = time.process_time()
        app.frame([], DT)
        longest = max(longest, time.process_time() - began)
        if scene.solve_in <= 0 and not scene.live.searching:
            break
        time.sleep(0.01)
    return longest


def test_keyboard_only_paints_places_draws_a_route_sets_and_saves(tmp_path: Path) -> None:
    app, scene, target = _editor(tmp_path)
    key(app, pygame.K_TAB, pygame.KMOD_SHIFT)  # map -> palette
    assert scene.zone == "palette"
    for _ in range(12):
        key(app, pygame.K_LEFT)  # to the first tool, then right to the road
    for _ in range(3):
        key(app, pygame.K_RIGHT)
    assert scene.tool == "terrain:road"
    key(app, pygame.K_RETURN)
    assert scene.zone == "map"
    scene.cursor = (5, 1)
    key(app, pygame.K_SPACE)
    key(app, pygame.K_DOWN, pygame.KMOD_SHIFT)  # shift+arrow paints as it moves
    assert scene.document.terrain_at((5, 1)) == "road"
    assert scene.document.terrain_at((5, 2)) == "road"
    scene.tool = "unit:patrols"
    scene.cursor = (4, 3)
    key(app, pygame.K_SPACE)
    char = next(c for c, p in scene.document.patrols.items() if p.pos == (4, 3))
    assert scene.route_mode and scene.selected == ("patrols", char)
    for code in (pygame.K_UP, pygame.K_LEFT, pygame.K_BACKSPACE, pygame.K_DOWN):
        key(app, code)
    key(app, pygame.K_RETURN)
    assert scene.document.patrols[char].route == "UD"  # up, left, one back, down
    assert not scene.route_mode
    key(app, pygame.K_TAB)
    assert scene.zone == "fields"
    specs = scene.field_specs()
    while specs[scene.field_focus].key != "troops":
        key(app, pygame.K_DOWN)
    before = scene.document.troops
    key(app, pygame.K_RIGHT)
    assert scene.document.troops == before + 10
    key(app, pygame.K_z, pygame.KMOD_CTRL)
    assert scene.document.troops == before
    key(app, pygame.K_y, pygame.KMOD_CTRL)
    assert scene.document.troops == before + 10
    while specs[scene.field_focus].key != "title.en":
        key(app, pygame.K_UP)
    key(app, pygame.K_RETURN)
    app.frame([pygame.event.Event(pygame.TEXTINPUT, text="!")], DT)
    key(app, pygame.K_RETURN)
    assert scene.document.title[1] == "My New Level!"
    key(app, pygame.K_s, pygame.KMOD_CTRL)
    saved = load_level(target)
    assert saved.troops == before + 10 and saved.title.en == "My New Level!"
    assert saved.terrain((5, 2)).name == "road"
    assert any(p.start == (4, 3) for p in saved.patrols)
    assert not scene.history.dirty


def test_mouse_only_paints_places_steps_and_saves(tmp_path: Path) -> None:
    app, scene, target = _editor(tmp_path)
    tools = [tool for _, tool in TOOLS]
    click(app, scene.palette_rects()[tools.index("terrain:forest")].center)
    assert scene.tool == "terrain:forest"
    view = MapView(scene.document, MAP_AREA)
    cells = [(4, 1), (5, 1), (6, 1)]
    undo_depth = len(scene.history._undo)
    drag(app, [view.cell_rect(c).center for c in cells])
    assert all(scene.document.terrain_at(c) == "forest" for c in cells)
    assert len(scene.history._undo) == undo_depth + 1  # one stroke, one edit
    click(app, scene.palette_rects()[tools.index("marker:goal")].center)
    click(app, view.cell_rect((5, 3)).center)
    assert scene.document.markers[(5, 3)] == "goal"
    click(app, scene.palette_rects()[tools.index("unit:pursuers")].center)
    click(app, view.cell_rect((6, 4)).center)
    assert scene.document.unit_at((6, 4)) is not None
    click(app, scene.palette_rects()[tools.index("unit:patrols")].center)
    click(app, view.cell_rect((4, 3)).center)
    char = next(c for c, p in scene.document.patrols.items() if p.pos == (4, 3))
    assert scene.route_mode
    for cell in ((4, 2), (4, 3), (4, 3)):  # up, back down, then wait on the end
        click(app, view.cell_rect(cell).center)
    click(app, view.cell_rect((10, 1)).center)  # far from the route's end: finished
    assert not scene.route_mode and scene.document.patrols[char].route == "UD."
    assert scene.document.unit_at((10, 1)) is None  # the click placed nothing
    app.frame([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=view.cell_rect((10, 1)).center,
                                  button=3)], DT)  # right click on no unit: none selected
    assert scene.selected is None
    index, _row, _minus, plus = next(r for r in scene.field_rects()
                                     if scene.field_specs()[r[0]].key == "turns")
    assert plus is not None
    turns = scene.document.turns
    click(app, plus.center)
    assert scene.document.turns == turns + 1 and index == scene.field_focus
    click(app, scene.menu.buttons[TOOLBAR.index("undo")].rect.center)
    assert scene.document.turns == turns
    click(app, scene.menu.buttons[TOOLBAR.index("save")].rect.center)
    saved = open_level(target)
    assert saved.markers[(5, 3)] == "goal" and saved.terrain_at((5, 1)) == "forest"
    assert saved.unit_at((6, 4)) is not None


def test_the_verdict_arrives_in_the_background(tmp_path: Path) -> None:
    app, scene, _ = _editor(tmp_path)
    app.frame([], DT)  # the first frame draws every sprite once; not the solver's doing
    longest = _settle(app, scene)
    assert scene.live.verdict.status is Status.SOLVABLE
    assert scene.live.verdict.moves and scene.live.verdict.troops >= 40
    scene.apply(SetField("turns", 2))
    assert scene.live.verdict.status is not Status.SOLVABLE  # the old answer is gone
    longest = max(longest, _settle(app, scene))
    assert scene.live.verdict.status is Status.UNSOLVABLE
    assert scene.live.verdict.reason is not None and "turns" in scene.live.verdict.reason.en
    assert longest < 0.25, f"a frame took {longest:.3f} s while the solver ran"


def test_test_play_comes_back_to_the_editor_where_it_was(tmp_path: Path) -> None:
    app, scene, _ = _editor(tmp_path)
    _settle(app, scene)
    scene.cursor, scene.tool = (3, 2), "terrain:hills"
    document = scene.document
    key(app, pygame.K_F5)
    play = app.stack.top
    assert isinstance(play, EditorPlayScene)
    press(app, pygame.K_RETURN)  # past the intro
    for action in scene.live.verdict.moves:
        press(app, KEY_FOR_ACTION[action])
        wait(app, 0.2)
    wait(app, 1.5)
    assert app.stack.top is scene
    assert (scene.document, scene.cursor, scene.tool) == (document, (3, 2), "terrain:hills")
    assert scene.note is not None and "won" in scene.note.text.en
    assert app.game.progress.levels == {}  # a test play is not the pupil's result
    key(app, pygame.K_F5)
    key(app, pygame.K_ESCAPE)
    assert app.stack.top is scene


def test_best_win_plays_out_and_is_stored(tmp_path: Path) -> None:
    app, scene, _ = _editor(tmp_path)
    _settle(app, scene)
    key(app, pygame.K_F6)
    assert scene.demo
    wait(app, 2.0)
    assert scene.demo_index > 0
    key(app, pygame.K_F6)
    assert not scene.demo
    moves = scene.live.verdict.moves
    key(app, pygame.K_F7)  # an edit like any other: the search starts again
    assert scene.document.solution == "".join(action.value for action in moves)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_title_opens_the_editor_on_a_campaign_level(lang: str) -> None:
    app = headless_app(LEVELS, lang)
    title = app.stack.top
    assert isinstance(title, TitleScene)
    button = title.menu.find("editor")
    click(app, button.rect.center)
    start = app.stack.top
    assert isinstance(start, EditorStartScene)
    click(app, start.menu.find("open:xiangjiang-1").rect.center)
    editor = app.stack.top
    assert isinstance(editor, EditorScene)
    assert editor.document.id == "xiangjiang-1" and editor.path.name == "level-1.yaml"
    key(app, pygame.K_ESCAPE)  # nothing changed: leaves at once, back to the choice
    assert app.stack.top is start
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.stack.top, TitleScene)


def test_typing_a_chinese_title_through_an_input_method(tmp_path: Path) -> None:
    """While the IME composes (pinyin), Enter and Backspace are its keys and the pinyin is
    shown, underlined, apart from the text; the chosen characters join the title."""
    app, scene, _ = _editor(tmp_path, "zh")
    key(app, pygame.K_TAB)
    specs = scene.field_specs()
    while specs[scene.field_focus].key != "title.zh":
        key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)
    assert scene.editing is not None
    scene.typed = ""
    app.frame([pygame.event.Event(pygame.TEXTEDITING, text="xiang", start=5, length=0)], DT)
    assert scene.composing == "xiang"
    key(app, pygame.K_BACKSPACE)  # the IME's: deletes from the pinyin, not from the title
    key(app, pygame.K_RETURN)  # the IME's: picks a candidate, does not end the typing
    assert scene.editing is not None and scene.typed == ""
    pinyin_line = pygame.Rect(PROBLEMS.left, PROBLEMS.top + 34 + 19, PROBLEMS.width, 19)
    shown = app.surface.subsurface(pinyin_line).copy()
    app.frame([pygame.event.Event(pygame.TEXTEDITING, text="", start=0, length=0)], DT)
    gone = app.surface.subsurface(pinyin_line).copy()
    assert shown.get_view("2").raw != gone.get_view("2").raw  # shown while composing only
    app.frame([pygame.event.Event(pygame.TEXTINPUT, text="湘江")], DT)
    assert (scene.typed, scene.composing) == ("湘江", "")
    key(app, pygame.K_RETURN)
    assert scene.editing is None and scene.document.title[0] == "湘江"
