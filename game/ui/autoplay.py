"""Play the campaign through the real scenes with the solver's moves, as a pupil would.

Used by the screenshot script and by tests: it presses keys and lets frames pass; it never
calls the rules directly, so it proves the shell and the rules agree.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pygame

from game.content.campaign import Chapter
from game.progress import ProgressStore
from game.solver import solve
from game.solver.par import par_of
from game.ui.app import App, first_scene, make_game
from game.ui.context import Game
from game.ui.input import KEY_FOR_ACTION
from game.ui.scenes.play import PlayScene
from game.ui.scenes.quiz import QuizScene

DT = 1 / 60
Shot = Callable[[App, str], None]
#: A test-only switch: ``0`` makes :func:`play_campaign` skip the frames in between moves
#: unless told otherwise, for tests that run ``python main.py autoplay`` to check where the
#: campaign goes and which screens are saved (the frames of moving are other tests' subject).
TWEENS_ENV = "CHANGZHENG_AUTOPLAY_TWEENS"


def headless_app(levels: Path, lang: str = "zh", profile: str | None = None) -> App:
    """An app drawing onto an off-screen 1280×720 surface (needs no window), playing as the
    pupil last chosen, or as ``profile`` when given."""
    pygame.display.init()
    pygame.font.init()
    game, problems = make_game(levels, "en" if lang == "en" else "zh")
    if profile is not None:
        game.store = ProgressStore.default(profile)
        loaded = game.store.load()
        game.progress = loaded.progress
        game.progress.language = "en" if lang == "en" else "zh"
        if loaded.notice is not None:
            game.notices.append(loaded.notice)
    return App(game, first_scene(game, problems, None), pygame.Surface((1280, 720)))


def press(app: App, key: int) -> None:
    """Press one key and run one frame, as the real loop does."""
    app.frame([pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="")], DT)


def wait(app: App, seconds: float, *, tweens: bool = True) -> None:
    """Let ``seconds`` of frames pass with no input; without ``tweens``, as one frame that
    long (every tween and delay ends at once, and nothing in between is drawn)."""
    if not tweens:
        app.frame([], seconds + DT)
        return
    for _ in range(int(seconds / DT) + 1):
        app.frame([], DT)


def play_level(app: App, shot: Shot | None = None, *, tweens: bool = True) -> None:
    """Dismiss the intro and play the level on top with the solver's shortest solution
    (``tweens=False``: skip the frames in between moves, for tests that only check where
    the campaign goes)."""
    scene = app.stack.top
    assert isinstance(scene, PlayScene), type(scene).__name__
    if shot:
        shot(app, f"{scene.level.id}-intro")
    press(app, pygame.K_RETURN)
    best = solve(scene.level)
    moves = best.moves
    if moves is None:
        raise RuntimeError(f"{scene.level.id}: the solver found no solution")
    # The result screen's par comes from this same best win: not solved twice.
    app.game.par_cache.setdefault(scene.level.id, par_of(scene.level, best))
    for index, action in enumerate(moves):
        press(app, KEY_FOR_ACTION[action])
        wait(app, 0.2, tweens=tweens)
        if shot and index == len(moves) // 2:
            shot(app, f"{scene.level.id}-play")
    wait(app, 1.0, tweens=tweens)


def answer_quiz(app: App, shot: Shot | None = None, wrong: int = -1) -> None:
    """Answer every question right (except question number ``wrong``, to show feedback)."""
    quiz = app.stack.top
    assert isinstance(quiz, QuizScene), type(quiz).__name__
    while not quiz.finished:
        asked = quiz.session.asked[quiz.index]
        answer = asked.shown_answer()
        if quiz.index == wrong:
            answer = tuple(reversed(range(len(asked.order))))[:len(answer)]
            if answer == asked.shown_answer():
                answer = tuple(range(len(asked.order)))[:len(answer)]
        for position in answer:
            press(app, pygame.K_1 + position)
        if quiz.feedback is None:
            press(app, pygame.K_RETURN)
        if shot:
            shot(app, f"quiz-{quiz.index + 1}")
        press(app, pygame.K_RETURN)


def click(app: App, pos: tuple[int, int]) -> None:
    """Move the mouse to ``pos`` and click there, in one frame."""
    app.frame([pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
               pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1)], DT)


def hover(app: App, pos: tuple[int, int]) -> None:
    """Move the mouse to ``pos`` and run one frame."""
    app.frame([pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))],
              DT)


def complete_chapter(game: Game, chapter: Chapter, *, stars: int = 2,
                     wrong: tuple[str, ...] = ()) -> None:
    """Record ``chapter`` as played in the pupil's progress (no scenes): every level won with
    ``stars``, the quiz passed with the questions in ``wrong`` answered wrongly, the card kept."""
    for level in chapter.levels:
        game.progress.record_level(level.id, won=True, moves=len(level.id) + 10, troops=50,
                                   stars=stars)
    if chapter.quiz is not None:
        asked = chapter.quiz.questions[:chapter.quiz.draw]
        answers = {q.id: q.id not in wrong for q in asked}
        answers.update({qid: False for qid in wrong})
        game.progress.record_quiz(chapter.id, total=len(asked), answers=answers,
                                  pass_percent=0)
    if chapter.id not in game.progress.cards:
        game.progress.cards.append(chapter.id)


def play_campaign(app: App, shot: Shot | None = None, *,
                  tweens: bool | None = None) -> list[str]:
    """From the title screen, play every chapter in order through the real scenes: the
    route map, the briefing, each level with the solver's moves, each result, the quiz
    answered right; until the ending shows. Returns the names of the screens passed.
    ``tweens=False`` skips the frames in between moves (see :func:`play_level`); by default
    they are played, unless the environment variable :data:`TWEENS_ENV` is ``0``."""
    if tweens is None:
        tweens = os.environ.get(TWEENS_ENV, "1").strip() != "0"
    from game.ui.scenes.briefing import BriefingScene
    from game.ui.scenes.ending import EndingScene
    from game.ui.scenes.prelude import PreludeScene
    from game.ui.scenes.result import ResultScene
    from game.ui.scenes.route import RouteScene
    from game.ui.scenes.title import TitleScene

    seen: list[str] = []

    def look(name: str) -> None:
        seen.append(name)
        if shot:
            shot(app, name)

    assert isinstance(app.stack.top, TitleScene), type(app.stack.top).__name__
    look("title")
    visit_extras(app, look)
    assert app.game.campaign is not None
    for number, chapter in enumerate(app.game.campaign.chapters, start=1):
        if isinstance(app.stack.top, TitleScene):
            press(app, pygame.K_RETURN)
        assert isinstance(app.stack.top, RouteScene), type(app.stack.top).__name__
        look(f"{number}-route")
        press(app, pygame.K_RETURN)
        if isinstance(app.stack.top, PreludeScene):
            look(f"{number}-prelude")
            press(app, pygame.K_RETURN)
        briefing = app.stack.top
        assert isinstance(briefing, BriefingScene) and briefing.chapter.id == chapter.id
        look(f"{number}-briefing")
        press(app, pygame.K_RETURN)
        for level in chapter.levels:
            scene = app.stack.top
            assert isinstance(scene, PlayScene) and scene.level.id == level.id
            play_level(app, shot, tweens=tweens)
            seen.append(f"{level.id}-play")
            assert isinstance(app.stack.top, ResultScene), type(app.stack.top).__name__
            look(f"{level.id}-result")
            press(app, pygame.K_RETURN)
        answer_quiz(app, shot)
        look(f"{number}-quiz-score")
        press(app, pygame.K_RETURN)  # "continue the march" is the default once passed
    assert isinstance(app.stack.top, EndingScene), type(app.stack.top).__name__
    look("ending")
    return seen


def visit_extras(app: App, look: Callable[[str], None]) -> None:
    """From the title, open the settings, controls and credits screens with the mouse (as a
    pupil at a touch screen would), look at each, and go back with its Back button."""
    from game.ui.scenes.credits import CreditsScene
    from game.ui.scenes.help import HelpScene
    from game.ui.scenes.settings import SettingsScene
    from game.ui.scenes.title import EXTRA_SCENES, TitleScene

    title = app.stack.top
    assert isinstance(title, TitleScene), type(title).__name__
    for key in EXTRA_SCENES:
        click(app, title.menu.find(key).rect.center)
        scene = app.stack.top
        assert isinstance(scene, SettingsScene | HelpScene | CreditsScene), scene.name
        assert scene.name == key, (key, scene.name)
        look(key)
        back = scene.menu.find("back")
        click(app, back.rect.center)
        assert app.stack.top is title, type(app.stack.top).__name__
    hover(app, title.menu.find("start").rect.center)  # the focus back on "start", for Enter


def save_screen(app: App, path: Path) -> None:
    """Draw the current screen and save it as a PNG."""
    app.draw()
    pygame.image.save(app.surface, str(path))


def show_editor(app: App, level_file: Path, shot: Shot | None = None) -> None:
    """Open the level editor on ``level_file`` over the current screen, wait for its
    verdict, show it (``<id>-editor``), and close it again."""
    import time

    from game.ui.editor.open import editor_for
    from game.ui.scene import Push
    from game.ui.scenes.editor import EditorScene

    campaign = app.game.campaign
    levels_dir = campaign.root if campaign is not None else level_file.parent
    editor = editor_for(app.game, levels_dir, level_file, None)
    assert isinstance(editor, EditorScene), type(editor).__name__
    app.stack.apply(Push(editor))
    give_up = time.monotonic() + 60
    while (editor.solve_in > 0 or editor.live.searching) and time.monotonic() < give_up:
        wait(app, 0.1)
    if shot:
        shot(app, f"{editor.document.id}-editor")
    press(app, pygame.K_ESCAPE)
