"""One place decides where the campaign goes: scenes return outcomes, game.ui.flow maps them.

The import graph of the whole ``game`` package (every import, also those inside functions)
has no cycle, and no scene module imports another scene module's screen or the flow.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pygame
import pytest

from game.ui import flow, outcomes
from game.ui.app import make_game
from game.ui.context import Game
from game.ui.outcomes import MarchOn, Step, ToTitle, next_step
from game.ui.scene import Outcome, Quit, Reset
from game.ui.scenes.ending import EndingScene
from game.ui.scenes.route import RouteScene
from game.ui.scenes.title import TitleScene

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "game"
SCENES = PACKAGE / "ui" / "scenes"
LEVELS = ROOT / "levels"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every ``game.…`` module ``path`` imports, wherever the import statement is."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name == "game" or name.startswith("game.")}


def import_graph() -> dict[str, set[str]]:
    modules = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    return {name: {target for target in imports_of(path) if target in modules and target != name}
            for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A cycle of the graph as a list of modules (first repeated at the end), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return [*stack[stack.index(target):], target]
            if target not in state and (cycle := visit(target)) is not None:
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)) is not None:
            return cycle
    return None


def test_find_cycle_finds_one() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_the_game_package_imports_no_module_in_a_cycle() -> None:
    assert find_cycle(import_graph()) is None


def test_scene_modules_do_not_open_each_other() -> None:
    """A scene may use a helper from another scene module, never its screen class."""
    graph = import_graph()
    screens = {f"{module_name(path)}.{node.name}"
               for path in SCENES.glob("*.py")
               for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
               if isinstance(node, ast.ClassDef) and node.name.endswith("Scene")}
    for path in SCENES.glob("*.py"):
        name = module_name(path)
        used = imports_of(path)
        assert "game.ui.flow" not in graph[name], name
        assert not {u for u in used if u in screens}, f"{name} imports {used & screens}"


def test_every_outcome_has_a_route() -> None:
    kinds = {value for value in vars(outcomes).values()
             if isinstance(value, type) and issubclass(value, Outcome) and value is not Outcome}
    assert kinds and kinds <= set(flow.ROUTES)


def opened_screens() -> set[str]:
    """The names in every ``Open("name", …)`` a scene returns."""
    names = set()
    for path in SCENES.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "Open" and node.args
                    and isinstance(node.args[0], ast.Constant)):
                names.add(str(node.args[0].value))
    return names


def test_every_screen_a_scene_opens_is_known() -> None:
    assert opened_screens() and opened_screens() <= set(flow.SCREENS)


@pytest.mark.parametrize("name", sorted(flow.SCREENS))
def test_every_screen_is_opened_somewhere(name: str) -> None:
    assert name in opened_screens()


# ----------------------------------------------------------------- where a won level leads
def _game_without_quizzes() -> Game:
    import dataclasses

    pygame.font.init()
    game, _ = make_game(LEVELS, "en")
    assert game.campaign is not None
    chapters = tuple(dataclasses.replace(c, quiz=None) for c in game.campaign.chapters)
    game.campaign = dataclasses.replace(game.campaign, chapters=chapters)
    return game


def test_next_step_follows_the_campaign() -> None:
    game, _ = make_game(LEVELS, "en")
    assert game.campaign is not None
    first = game.campaign.chapters[0]
    assert next_step(game, 0, 0) is Step.LEVEL
    assert next_step(game, 0, len(first.levels) - 1) is Step.QUIZ
    assert next_step(game, None, 0) is Step.QUIT


def test_a_chapter_without_quiz_marches_on_to_the_route_map() -> None:
    game = _game_without_quizzes()
    assert game.campaign is not None
    last = len(game.campaign.chapters[0].levels) - 1
    assert next_step(game, 0, last) is Step.ROUTE
    for level in game.campaign.chapters[0].levels:
        game.progress.record_level(level.id, won=True, moves=1, troops=1, stars=1)
    applied = flow.route(game, MarchOn(0, last))
    assert isinstance(applied, Reset) and isinstance(applied.scene, RouteScene)
    assert applied.scene.focus == 1, "the next stop, now unlocked"
    assert [type(scene) for scene in applied.below] == [TitleScene]


def test_the_last_chapter_leads_to_the_ending_once_all_is_done() -> None:
    game = _game_without_quizzes()
    assert game.campaign is not None
    for chapter in game.campaign.chapters:
        for level in chapter.levels:
            game.progress.record_level(level.id, won=True, moves=1, troops=1, stars=1)
    last_chapter = len(game.campaign.chapters) - 1
    last = len(game.campaign.chapters[-1].levels) - 1
    assert next_step(game, last_chapter, last) is Step.ENDING
    assert isinstance(flow.route(game, MarchOn(last_chapter, last)).scene,  # type: ignore[union-attr]
                      EndingScene)


def test_a_single_level_file_ends_the_game_when_left() -> None:
    game, _ = make_game(LEVELS, "en")
    game.campaign = None
    assert isinstance(flow.route(game, ToTitle()), Quit)
    assert isinstance(flow.route(game, MarchOn(None, 0)), Quit)
