"""The live verdict: is the level being edited winnable, how, and if not, why not.

The search runs in the background (:class:`game.solver_background.BackgroundSolve`);
:class:`LiveVerdict` starts a new one after each edit (cancelling the old), and
:func:`verdict_of` turns the solver's answer into what the editor shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from game.core.actions import Action
from game.core.level import Level, Pos
from game.i18n import Text
from game.solver import Outcome, SolveResult
from game.solver.par import par_of
from game.solver_background import ENDED_WITHOUT_ANSWER, BackgroundSolve, SolveFailed

#: The editor's budget for one search (check's is larger; a level that needs more shows
#: "unknown" and check decides).
EDITOR_MAX_STATES = 400_000
EDITOR_MAX_SECONDS = 8.0


class Status(Enum):
    """What the editor knows about the level."""

    INVALID = "invalid"
    SEARCHING = "searching"
    SOLVABLE = "solvable"
    UNSOLVABLE = "unsolvable"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Verdict:
    """The answer shown: status, the best win (moves, troops kept; ``par`` is the par's
    moves), or why not."""

    status: Status
    moves: tuple[Action, ...] = ()
    troops: int = 0
    par: int = 0
    reason: Text | None = None
    expanded: int = 0
    cells: frozenset[Pos] = frozenset()
    """Cells the reason is about (goal cells nobody can reach)."""


def verdict_of(level: Level, result: SolveResult) -> Verdict:
    """What the solver's answer means for the author: the best win (the most troops, then
    the fewest moves) and its par, or the solver's reason why there is none."""
    par = par_of(level, result)
    if par is not None and result.moves is not None:
        return Verdict(Status.SOLVABLE, result.moves, par.troops, par.moves,
                       expanded=result.expanded)
    if result.outcome is Outcome.UNSOLVABLE:
        reason, cells = explain_unsolvable(level)
        return Verdict(Status.UNSOLVABLE, reason=result.reason or reason,
                       expanded=result.expanded, cells=cells)
    return Verdict(Status.UNKNOWN, reason=result.reason or Text(
        f"搜索了 {result.expanded} 个局面还没有答案：缩小地图或减少回合，或者用 check 检查",
        f"no answer after {result.expanded} positions: make the map smaller or the turns "
        "fewer, or run check"), expanded=result.expanded)


def _distances(level: Level) -> dict[Pos, int]:
    """Steps from the start over ground the column could ever cross (planks may cover
    chains, ferries run some time), ignoring enemies and timetables."""
    frontier = [level.start]
    seen = {level.start: 0}
    while frontier:
        following = []
        for x, y in frontier:
            for cell in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
                if cell in seen or not level.inside(cell):
                    continue
                if level.passable(cell) or (level.planks and level.chain_index(cell) >= 0):
                    seen[cell] = seen[(x, y)] + 1
                    following.append(cell)
        frontier = following
    return seen


def explain_unsolvable(level: Level) -> tuple[Text, frozenset[Pos]]:
    """Why no game wins, as far as a quick look at the map can tell, and the cells that
    shows on."""
    distances = _distances(level)
    reachable = [distances[cell] for cell in level.goal.cells if cell in distances]
    if not reachable:
        return Text("从起点走不到任何目标格：山岭、江河或铁索把路挡住了",
                    "no goal cell can be reached from the start: hills, rivers or chains "
                    "cut it off"), level.goal.cells
    nearest = min(reachable)
    if nearest > level.turn_limit:
        return Text(f"最近的目标格要走 {nearest} 步，但只有 {level.turn_limit} 个回合",
                    f"the nearest goal cell is {nearest} moves away, but there are only "
                    f"{level.turn_limit} turns"), level.goal.cells
    return Text("每一种走法都会失败：敌人、火力、寒冷或沼泽让兵力或体温不够，或者回合用完；"
                "多给一些回合或兵力，或者开一条路",
                "every possible game is lost: enemies, fire, cold or bogs cost too many troops "
                "or too much warmth, or the turns run out; give more turns or troops, or open "
                "a path"), frozenset()


class LiveVerdict:
    """The verdict of the latest level: a new search after each edit, polled each frame."""

    def __init__(self, max_states: int = EDITOR_MAX_STATES,
                 max_seconds: float = EDITOR_MAX_SECONDS) -> None:
        self.max_states = max_states
        self.max_seconds = max_seconds
        self.verdict = Verdict(Status.INVALID)
        self._search: BackgroundSolve | None = None
        self._level: Level | None = None
        self._retired: list[BackgroundSolve] = []
        """Cancelled searches, kept until they end (a search dropped while its process
        starts would take the process's stop flag with it)."""

    def restart(self, level: Level | None) -> None:
        """Forget the old answer; search ``level`` (None: the level does not load)."""
        self._retired = [search for search in self._retired if not search.done]
        if self._search is not None:
            self._search.cancel()
            self._retired.append(self._search)
            self._search = None
        self._level = level
        if level is None:
            self.verdict = Verdict(Status.INVALID)
            return
        self.verdict = Verdict(Status.SEARCHING)
        self._search = BackgroundSolve(level, max_states=self.max_states,
                                       max_seconds=self.max_seconds)

    def poll(self) -> bool:
        """Take the answer if the search has finished; True when the verdict changed."""
        search = self._search
        if search is None or not search.done:
            return False
        self._search = None
        try:
            result = search.result()
        except SolveFailed as error:  # the search itself failed: say so, keep editing
            self.verdict = Verdict(Status.UNKNOWN, reason=failure_reason(error.detail))
            return True
        if result is None or self._level is None:
            return False
        self.verdict = verdict_of(self._level, result)
        return True

    @property
    def searching(self) -> bool:
        """Whether a search is still running."""
        return self._search is not None


def failure_reason(detail: str) -> Text:
    """Why the verdict is unknown when the search failed, in both languages."""
    if detail == ENDED_WITHOUT_ANSWER:
        return Text("求解进程意外结束，没有给出答案；可以继续编辑，保存后再用 check 检查。",
                    "The search process ended without an answer; keep editing, and check "
                    "the level with check after saving.")
    return Text(f"求解出错：{detail}", f"The solver failed: {detail}")
