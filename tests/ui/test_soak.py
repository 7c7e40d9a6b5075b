"""A random-input soak of the real game: 20,000 frames of every kind of event, no crash.

The real app (campaign, save, window, scene stack) is started headless and fed random
events each frame: keys (menus, moves, undo, pause, fullscreen, hints), typed text and
input-method composition holding zero-width characters, right-to-left overrides, NUL,
emoji and CJK, mouse moves, clicks and wheel, window resizes, focus changes, and quits
(the game is started again when one ends it). Every frame updates; every
``DRAW_EVERY``-th frame draws and presents, so the soak stays cheap while every scene is
still drawn many times. ``CHANGZHENG_SOAK_FRAMES`` runs longer; ``CHANGZHENG_SOAK_SEED``
picks another sequence.
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pygame
import pytest

from game.ui.app import App, first_scene, start

LEVELS = Path(__file__).resolve().parents[2] / "levels"
FRAMES = int(os.environ.get("CHANGZHENG_SOAK_FRAMES", "20000"))
SEED = int(os.environ.get("CHANGZHENG_SOAK_SEED", "8"))
DRAW_EVERY = 40

#: Keys the game uses, typed often so that play reaches levels, quizzes and cards.
GAME_KEYS = [pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_SPACE,
             pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_w, pygame.K_a, pygame.K_s,
             pygame.K_d, pygame.K_z, pygame.K_r, pygame.K_p, pygame.K_TAB, pygame.K_1,
             pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_b, pygame.K_c, pygame.K_PAGEUP,
             pygame.K_PAGEDOWN, pygame.K_BACKSPACE, pygame.K_ESCAPE, pygame.K_l, pygame.K_n]
#: Anything else a keyboard can send, typed now and then.
OTHER_KEYS = [pygame.K_F1, pygame.K_F5, pygame.K_F11, pygame.K_F12, pygame.K_DELETE,
              pygame.K_HOME, pygame.K_END, pygame.K_INSERT, pygame.K_LSHIFT, pygame.K_RALT,
              pygame.K_LCTRL, pygame.K_CAPSLOCK, pygame.K_NUMLOCKCLEAR, pygame.K_x,
              pygame.K_q, pygame.K_0, pygame.K_9, pygame.K_MINUS, pygame.K_EQUALS,
              pygame.K_UNKNOWN, 0x40000000 | 300]
#: Text a pupil's keyboard or input method may send.
TEXTS = ["a", "Z", "小", "明", "长征", "\u200b", "\u202e", "\u202eabc", "\u200b\u202e",
         "\u2066\u2069", "\ufeff", "\x00", "a\x00b", "\x1b[2J", "\u0301", "e\u0301",
         "\U0001f600", "\U0001f1e8\U0001f1f3", " ", "\t", "\n", "-", "=1+1", "../", "con",
         "\ud7ff", "ﷺ" * 3, "ǅ", "x" * 80]


def random_event(rng: random.Random, size: tuple[int, int]) -> pygame.event.Event:
    """One event of any kind the game may receive."""
    roll = rng.random()
    pos = (rng.randint(-20, size[0] + 20), rng.randint(-20, size[1] + 20))
    if roll < 0.40:
        key = rng.choice(GAME_KEYS) if rng.random() < 0.9 else rng.choice(OTHER_KEYS)
        if rng.random() < 0.0005:
            key = pygame.K_h  # a hint runs the solver: real, but slow, so rare
        kind = pygame.KEYDOWN if rng.random() < 0.8 else pygame.KEYUP
        mod = rng.choice([0, 0, 0, pygame.KMOD_SHIFT, pygame.KMOD_CTRL, pygame.KMOD_ALT])
        return pygame.event.Event(kind, key=key, mod=mod, unicode="", scancode=0)
    if roll < 0.50:
        return pygame.event.Event(pygame.TEXTINPUT, text=rng.choice(TEXTS))
    if roll < 0.60:
        text = rng.choice([*TEXTS, ""])
        return pygame.event.Event(pygame.TEXTEDITING, text=text, start=rng.randint(0, 3),
                                  length=rng.randint(-1, 3))
    if roll < 0.75:
        return pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(rng.randint(-9, 9), 0),
                                  buttons=(rng.random() < 0.2, 0, 0), touch=False)
    if roll < 0.88:
        kind = rng.choice([pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP])
        return pygame.event.Event(kind, pos=pos, button=rng.choice([1, 1, 1, 2, 3, 4, 5, 8]),
                                  touch=False)
    if roll < 0.92:
        return pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice([-3, -1, 1, 3]),
                                  flipped=False, precise_x=0.0, precise_y=1.0, touch=False)
    if roll < 0.96:
        width, height = rng.choice([(1280, 720), (1024, 768), (640, 360), (1, 1), (3000, 900),
                                    (800, 1200)])
        kind = rng.choice([pygame.VIDEORESIZE, pygame.WINDOWRESIZED, pygame.WINDOWSIZECHANGED])
        return pygame.event.Event(kind, size=(width, height), w=width, h=height, x=width,
                                  y=height)
    if roll < 0.995:
        kind = rng.choice([pygame.WINDOWFOCUSLOST, pygame.WINDOWFOCUSGAINED,
                           pygame.WINDOWMINIMIZED, pygame.WINDOWRESTORED, pygame.ACTIVEEVENT,
                           pygame.WINDOWENTER, pygame.WINDOWLEAVE, pygame.USEREVENT,
                           pygame.JOYBUTTONDOWN, pygame.DROPFILE])
        return pygame.event.Event(kind, gain=0, state=1, file="/etc/passwd", button=0,
                                  instance_id=0, joy=0)
    return pygame.event.Event(pygame.QUIT)


def _memoized_route_labels(monkeypatch: pytest.MonkeyPatch) -> None:
    """The route map places its labels by search, about a second per visit on a slow
    machine; the soak visits it hundreds of times. The real placement runs once for each
    language and state of progress; visits with the same ones reuse its result."""
    from game.ui.scenes import route

    real = route.RouteScene._place_labels
    placed: dict[tuple[object, ...], list[route.Label]] = {}

    def place_labels(scene: route.RouteScene) -> list[route.Label]:
        key = (scene.game.lang, tuple(scene.unlocked), tuple(scene.complete),
               tuple((s.earned, s.possible) for s in scene.stars))
        if key not in placed:
            placed[key] = real(scene)
        return placed[key]

    monkeypatch.setattr(route.RouteScene, "_place_labels", place_labels)


def test_twenty_thousand_random_frames_of_the_real_game(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _memoized_route_labels(monkeypatch)
    rng = random.Random(SEED)
    app, window, _ = start(LEVELS)
    scenes: set[str] = set()
    restarts = 0
    began = time.perf_counter()
    try:
        for frame in range(FRAMES):
            size = pygame.display.get_surface().get_size()
            for _ in range(rng.choice([0, 1, 1, 1, 2, 3])):
                event = random_event(rng, size)
                if event.type in (pygame.VIDEORESIZE, pygame.WINDOWRESIZED):
                    pygame.display.set_mode((max(1, event.w), max(1, event.h)),
                                            pygame.RESIZABLE)  # as the window system does
                app.handle(window.to_logical(event))
                if not app.running:
                    break
            if not app.running:  # quit by a key or the window's close button: start again
                app = App(app.game, first_scene(app.game, (), None), window.logical)
                app.on_fullscreen = window.toggle_fullscreen
                restarts += 1
                continue
            app.update(rng.choice([0.0, 1 / 60, 1 / 60, 1 / 30, 0.1]))
            scenes.add(type(app.stack.top).__name__)
            if frame % DRAW_EVERY == 0:
                app.draw()
                window.present()
    finally:
        pygame.quit()
    seconds = time.perf_counter() - began
    print(f"{FRAMES} frames in {seconds:.1f} s, {restarts} restarts, scenes: {sorted(scenes)}")
    assert {"TitleScene", "PlayScene"} <= scenes, "the soak never got into a level"
    assert len(scenes) >= 5, f"the soak only saw {sorted(scenes)}"
