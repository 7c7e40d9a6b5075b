"""The campaign screens driven headless through the real scenes: the route map as chapter
select, the history cards, the mistakes to review, stars, and the ending."""

from __future__ import annotations

import itertools
from pathlib import Path

import pygame
import pytest

from game.content.campaign import Campaign
from game.ui.app import App
from game.ui.autoplay import answer_quiz, click, complete_chapter, headless_app, hover, press
from game.ui.scene import Push
from game.ui.scenes import cards as cards_module
from game.ui.scenes import review as review_module
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.cards import CardsScene
from game.ui.scenes.ending import EndingScene
from game.ui.scenes.prelude import PreludeScene
from game.ui.scenes.quiz import QuizScene
from game.ui.scenes.review import ReviewScene
from game.ui.scenes.route import (
    DOT_RADIUS,
    LABEL_SIZE,
    MEDALLION_RADIUS,
    PANEL_RECT,
    RouteScene,
    edge_gap,
)
from game.ui.scenes.stars import LEVEL_STARS, campaign_stars, chapter_stars
from game.ui.scenes.title import TitleScene

LEVELS = Path(__file__).resolve().parents[2] / "levels"


def new_app(lang: str = "zh") -> App:
    app = headless_app(LEVELS, lang)
    assert isinstance(app.stack.top, TitleScene), "the shipped content must load cleanly"
    return app


@pytest.fixture()
def app() -> App:
    return new_app()


def campaign_of(app: App) -> Campaign:
    assert app.game.campaign is not None
    return app.game.campaign


def title_of(app: App) -> TitleScene:
    title = app.stack.top
    assert isinstance(title, TitleScene)
    return title


def route_of(app: App) -> RouteScene:
    route = app.stack.top
    assert isinstance(route, RouteScene), type(route).__name__
    return route


def test_title_start_opens_the_route_map_and_enter_opens_the_briefing(app: App) -> None:
    press(app, pygame.K_RETURN)
    route = route_of(app)
    assert route.focus == 0
    press(app, pygame.K_RETURN)
    prelude = app.stack.top
    assert isinstance(prelude, PreludeScene) and prelude.chapter_index == 0, \
        "a chapter not yet started opens with its prelude (the prologue)"
    press(app, pygame.K_RETURN)
    briefing = app.stack.top
    assert isinstance(briefing, BriefingScene) and briefing.chapter_index == 0
    press(app, pygame.K_ESCAPE)
    assert app.stack.top is route
    complete_chapter(app.game, campaign_of(app).chapters[0])
    press(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, BriefingScene), "a started chapter skips its prelude"
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.stack.top, TitleScene)


def test_mouse_hovers_and_clicks_a_stop_and_the_back_button(app: App) -> None:
    click(app, title_of(app).menu.find("start").rect.center)
    route = route_of(app)
    second = route.stops[1]
    hover(app, second.center)
    assert route.focus == 1, "hovering a stop shows its panel"
    hover(app, route.stops[0].center)
    assert route.focus == 0
    click(app, route.stops[0].center)
    assert isinstance(app.stack.top, PreludeScene)
    press(app, pygame.K_ESCAPE)
    click(app, route.back.buttons[0].rect.center)
    title = title_of(app)
    rect, index = title.chapter_rows[1]
    click(app, rect.center)
    assert route_of(app).focus == index == 1, "a chapter row opens the map on that chapter"


def test_locked_chapters_cannot_be_opened(app: App) -> None:
    press(app, pygame.K_RETURN)
    route = route_of(app)
    assert route.unlocked[0] and not route.unlocked[1]
    click(app, route.stops[1].center)
    assert app.stack.top is route and route.focus == 1
    press(app, pygame.K_RETURN)
    assert app.stack.top is route, "Enter on a locked stop opens nothing"
    press(app, pygame.K_RIGHT)
    assert route.focus == 0, "the keys only visit unlocked stops"


def test_arrow_keys_move_between_unlocked_stops(app: App) -> None:
    chapters = campaign_of(app).chapters
    complete_chapter(app.game, chapters[0])
    press(app, pygame.K_RETURN)
    route = route_of(app)
    assert route.focus == 1, "the map opens on the next chapter to play"
    press(app, pygame.K_LEFT)
    assert route.focus == 0
    press(app, pygame.K_RIGHT)
    assert route.focus == 1
    press(app, pygame.K_RIGHT)
    assert route.focus == 0, "chapter 3 is locked, so the focus wraps round"
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    prelude = app.stack.top
    assert isinstance(prelude, PreludeScene) and prelude.chapter_index == 1, \
        "chapter 2 opens with the Zunyi Conference"
    press(app, pygame.K_RETURN)
    briefing = app.stack.top
    assert isinstance(briefing, BriefingScene) and briefing.chapter_index == 1


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_route_labels_and_panel_fit(lang: str) -> None:
    app = new_app(lang)
    complete_chapter(app.game, campaign_of(app).chapters[0])
    route = RouteScene(app.game)
    rects = [label.rect for label in route.labels]
    assert len(rects) == len(route.points) and LABEL_SIZE >= 16
    screen = pygame.Rect(0, 0, 1280, 720)
    assert all(screen.contains(rect) for rect in rects)
    for a, b in itertools.combinations(rects, 2):
        assert not a.colliderect(b), f"labels overlap: {a} {b}"
    for rect, stop in itertools.product(rects, route.stops):
        medallion = pygame.Rect(0, 0, 44, 44)
        medallion.center = stop.center
        assert not rect.colliderect(medallion), "a label covers a medallion"
    places = [(pos, MEDALLION_RADIUS if point.chapter else DOT_RADIUS)
              for point, pos in route.points]
    for index, rect in enumerate(rects):
        gaps = [edge_gap(rect, *place) for place in places]
        assert min(gaps) == gaps[index], "a label is nearer another place than its own"
    for chapter in campaign_of(app).chapters:
        sizes = route.panel_fonts(chapter)
        assert route.panel_height(chapter, sizes) <= PANEL_RECT.height, chapter.id


def test_gallery_shows_earned_cards_and_locked_ones(app: App,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    chapters = campaign_of(app).chapters
    complete_chapter(app.game, chapters[0])
    title_of(app).resumed()
    click(app, title_of(app).menu.find("cards").rect.center)
    gallery = app.stack.top
    assert isinstance(gallery, CardsScene) and gallery.page == 0
    drawn: list[str] = []
    monkeypatch.setattr(CardsScene, "_draw_card", lambda self, s, c: drawn.append("card:" + c.id))
    monkeypatch.setattr(CardsScene, "_draw_locked",
                        lambda self, s, c: drawn.append("locked:" + c.id))
    app.draw()
    press(app, pygame.K_RIGHT)
    assert gallery.page == 1
    press(app, pygame.K_RIGHT)
    press(app, pygame.K_LEFT)
    press(app, pygame.K_LEFT)
    assert gallery.page == 0
    assert drawn[0] == f"card:{chapters[0].id}"
    assert f"locked:{chapters[1].id}" in drawn
    assert len(set(drawn)) == 3
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.stack.top, TitleScene)


def test_earned_card_shows_its_facts_and_quote(app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    chapter = campaign_of(app).chapters[0]
    assert chapter.card is not None
    complete_chapter(app.game, chapter)
    texts: list[str] = []
    real = cards_module.draw_wrapped

    def spy(surface: pygame.Surface, font: pygame.font.Font, text: str, rect: pygame.Rect,
            *args: object, **kwargs: object) -> int:
        texts.append(text)
        return real(surface, font, text, rect, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cards_module, "draw_wrapped", spy)
    app.stack.apply(Push(CardsScene(app.game, 0)))
    app.draw()
    assert app.game.t(chapter.card.facts[0]) in texts
    assert app.game.t(chapter.card.quote) in texts
    assert any(app.game.t(chapter.card.quote_source) in text for text in texts)


def test_review_lists_a_wrong_answer_with_its_explanation(
        app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    chapter = campaign_of(app).chapters[0]
    assert chapter.quiz is not None
    wrong = chapter.quiz.questions[1]
    right = chapter.quiz.questions[0]
    app.game.progress.record_quiz(chapter.id, total=2, answers={right.id: True, wrong.id: False})
    texts: list[str] = []
    real = review_module.draw_wrapped

    def spy(surface: pygame.Surface, font: pygame.font.Font, text: str, rect: pygame.Rect,
            *args: object, **kwargs: object) -> int:
        texts.append(text)
        return real(surface, font, text, rect, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(review_module, "draw_wrapped", spy)
    click(app, title_of(app).menu.find("review").rect.center)
    review = app.stack.top
    assert isinstance(review, ReviewScene)
    listed = [entry.question for page in review.pages for entry in page if entry.question]
    assert listed == [wrong]
    app.draw()
    assert app.game.t(wrong.prompt) in texts
    assert any(app.game.t(wrong.explanation) in text for text in texts)
    assert any(wrong.answer_text("zh") in text for text in texts)
    assert app.game.t(right.prompt) not in texts
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.stack.top, TitleScene)


def test_review_is_friendly_when_empty(app: App) -> None:
    click(app, title_of(app).menu.find("review").rect.center)
    review = app.stack.top
    assert isinstance(review, ReviewScene) and review.pages == []
    app.draw()
    press(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, TitleScene)


def test_review_pages_through_many_mistakes() -> None:
    app = new_app("en")
    for chapter in campaign_of(app).chapters:
        assert chapter.quiz is not None
        complete_chapter(app.game, chapter, wrong=tuple(q.id for q in chapter.quiz.questions))
    review = ReviewScene(app.game)
    total = sum(len(c.quiz.questions) for c in campaign_of(app).chapters if c.quiz)
    listed = [entry.question for page in review.pages for entry in page if entry.question]
    assert len(listed) == total and len(review.pages) > 1
    for page in review.pages:
        assert sum(review.entry_height(entry) for entry in page) <= 468 - 32
    review.turn(99)
    assert review.page == len(review.pages) - 1


def test_perfect_quiz_gives_the_chapter_star(app: App) -> None:
    chapters = campaign_of(app).chapters
    complete_chapter(app.game, chapters[0], wrong=(chapters[0].quiz.questions[0].id,)
                     if chapters[0].quiz else ())
    stars = chapter_stars(app.game, chapters[0])
    assert not stars.quiz
    assert stars.earned == LEVEL_STARS * len(chapters[0].levels)
    complete_chapter(app.game, chapters[1])
    perfect = chapter_stars(app.game, chapters[1])
    assert perfect.quiz and perfect.earned == perfect.possible
    assert perfect.possible == LEVEL_STARS * len(chapters[1].levels) + 1
    earned, possible = campaign_stars(app.game)
    assert earned == stars.earned + perfect.earned
    assert possible == sum(chapter_stars(app.game, c).possible for c in chapters)


def test_real_perfect_quiz_then_card_button_opens_the_gallery_at_that_card(app: App) -> None:
    chapter = campaign_of(app).chapters[0]
    for level in chapter.levels:
        app.game.progress.record_level(level.id, won=True, moves=10, troops=50, stars=1)
    app.stack.apply(Push(QuizScene(app.game, 0)))
    quiz = app.stack.top
    assert isinstance(quiz, QuizScene)
    answer_quiz(app)
    assert quiz.finished and quiz.card_earned and not quiz.to_ending
    assert chapter_stars(app.game, chapter).quiz
    assert quiz.menu.focus == [b.key for b in quiz.menu.buttons].index("continue"), \
        "once passed, marching on is the default"
    assert quiz.menu.find("retake").enabled, "retaking stays available"
    click(app, quiz.menu.find("card").rect.center)
    gallery = app.stack.top
    assert isinstance(gallery, CardsScene) and gallery.page == 0 and gallery.earned(0)
    press(app, pygame.K_ESCAPE)
    assert app.stack.top is quiz
    click(app, quiz.menu.find("continue").rect.center)
    route = app.stack.top
    assert isinstance(route, RouteScene), "only the last chapter leads to the ending"
    assert route.focus == 1, "the next stop is in focus"
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.stack.top, TitleScene), "the route map goes back to the title"


def test_completing_the_last_chapter_leads_to_the_ending(app: App) -> None:
    campaign = campaign_of(app)
    *earlier, last = campaign.chapters
    assert campaign.ending is not None and last.quiz is not None
    for chapter in earlier:
        complete_chapter(app.game, chapter)
    for level in last.levels:
        app.game.progress.record_level(level.id, won=True, moves=10, troops=50, stars=2)
    assert "ending" not in [b.key for b in title_of(app).menu.buttons]
    app.stack.apply(Push(QuizScene(app.game, len(earlier))))
    quiz = app.stack.top
    assert isinstance(quiz, QuizScene)
    answer_quiz(app)
    assert quiz.finished and quiz.to_ending
    press(app, pygame.K_RETURN)
    ending = app.stack.top
    assert isinstance(ending, EndingScene)
    assert [row.played for row in ending.rows] == [
        line.chapter in {c.id for c in campaign.chapters} for line in campaign.ending.poem]
    app.draw()
    press(app, pygame.K_RETURN)  # the first press shows the whole poem
    assert app.stack.top is ending and not ending.revealing
    press(app, pygame.K_RETURN)
    title = title_of(app)
    assert len(app.stack.scenes) == 1
    click(app, title.menu.find("ending").rect.center)
    assert isinstance(app.stack.top, EndingScene), "the ending can be replayed from the title"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_new_screen_draws_in_both_languages(lang: str) -> None:
    app = new_app(lang)
    campaign = campaign_of(app)
    assert campaign.ending is not None
    for chapter in campaign.chapters:
        complete_chapter(app.game, chapter, wrong=(chapter.quiz.questions[0].id,)
                         if chapter.quiz else ())
    scenes = [TitleScene(app.game), RouteScene(app.game), CardsScene(app.game),
              ReviewScene(app.game), EndingScene(app.game, campaign.ending)]
    for scene in scenes:
        app.stack.apply(Push(scene))
        app.draw()
