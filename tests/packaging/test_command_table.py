"""The static command table: every command listed, each module imported only when it runs,
the program's name, ``--version``, ``python -m game`` and global options on either side."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import game
from game import cli, commands
from game.commands import TABLE, Entry, MissingCommand

REPO = Path(__file__).resolve().parents[2]
COMMANDS_DIR = REPO / "game" / "commands"


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def test_every_module_in_the_commands_folder_has_a_row() -> None:
    modules = {p.stem for p in COMMANDS_DIR.glob("*.py") if p.stem != "__init__"}
    assert modules - {row.module for row in TABLE} == set()


def test_names_and_modules_are_unique() -> None:
    assert len({row.name for row in TABLE}) == len(TABLE)
    assert len({row.module for row in TABLE}) == len(TABLE)


@pytest.mark.parametrize("row", TABLE, ids=lambda row: row.name)
def test_every_row_imports_and_is_a_command(row: Entry) -> None:
    if not (COMMANDS_DIR / f"{row.module}.py").exists():
        pytest.skip(f"game/commands/{row.module}.py is on another branch until the merge")
    module = importlib.import_module(f"game.commands.{row.module}")
    assert callable(module.add_arguments) and callable(module.run)
    assert getattr(module, "NAME", row.name) == row.name
    assert row.help and "\n" not in row.help


def test_help_lists_every_command_without_importing_one() -> None:
    code = ("import sys; from game.cli import main\n"
            "try: main(['--help'])\nexcept SystemExit: pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('game.commands.')))")
    result = run("-c", code)
    assert result.returncode == 0, result.stderr
    for row in TABLE:
        assert f"    {row.name} " in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_a_command_imports_only_its_own_module() -> None:
    code = ("import sys; from game.cli import main\n"
            "main(['schema'])\n"
            "print(sorted(m for m in sys.modules if m.startswith('game.commands.')),"
            " 'pygame' in sys.modules)")
    result = run("-c", code)
    assert result.stdout.strip().splitlines()[-1] == "['game.commands.schema'] False"


def test_global_options_before_or_after_the_command(tmp_path: Path) -> None:
    file = REPO / "levels" / "01-xiangjiang" / "chapter.yaml"
    for argv in (["--levels", str(tmp_path), "check", str(file)],
                 ["check", str(file), "--levels", str(tmp_path)],
                 ["check", "--lang", "en", "--levels", str(tmp_path), str(file)]):
        args = cli.build_parser(argv).parse_args(argv)
        assert (args.command, args.levels, args.paths) == ("check", tmp_path, [file])
    args = cli.build_parser(["--lang", "en", "check"]).parse_args(["--lang", "en", "check"])
    assert (args.lang, args.levels) == ("en", None)
    assert cli.main(["check", "--levels", str(REPO / "levels"), str(file)]) == 0


def test_the_program_name_is_the_way_it_was_started() -> None:
    assert run("main.py", "--help").stdout.startswith("usage: python main.py ")
    assert run("-m", "game", "--help").stdout.startswith("usage: python -m game ")
    code = "import sys; sys.argv = ['x', '--help']; from game.cli import main; main()"
    assert run("-c", code).stdout.startswith("usage: changzheng ")
    result = run("main.py", "check", "--frobnicate")
    assert result.returncode == 2
    assert "python main.py: error: unrecognized arguments: --frobnicate" in result.stderr


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.startswith(f"changzheng {game.__version__} (Python ")
    result = run("-m", "game", "--version", cwd=REPO / "levels")
    assert result.stdout.startswith(f"python -m game {game.__version__} ")


def test_a_row_without_its_module_is_a_usage_error(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    ghost = Entry("ghost", "no_such_module", "a command from a branch not merged yet")
    monkeypatch.setattr(commands, "TABLE", (*TABLE, ghost))
    monkeypatch.setattr(cli, "TABLE", (*TABLE, ghost))
    monkeypatch.setitem(commands._BY_NAME, "ghost", ghost)
    with pytest.raises(MissingCommand):
        commands.load("ghost")
    assert cli.main(["ghost"]) == 2
    assert "the ghost command is not part of this copy of the game" in capsys.readouterr().err
    cli.build_parser()  # the full parser leaves the missing command without options


def test_a_module_whose_own_import_fails_is_a_bug_not_a_missing_command(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "broken_cmd.py").write_text("import no_such_dependency_xyz\n")
    monkeypatch.setattr(commands, "__path__", [*commands.__path__, str(tmp_path)])
    monkeypatch.setitem(commands._BY_NAME, "broken", Entry("broken", "broken_cmd", "x"))
    with pytest.raises(ModuleNotFoundError, match="no_such_dependency_xyz"):
        commands.load("broken")


_PLAY_TOKENS = st.lists(st.sampled_from(
    ["--levels", "--lang", "zh", "en", "fr", "levels", "-x", "", "--levels=a", "--lang=en",
     "--lang=de", "--levels=", "check", "--help", "--version", "--", "a b"]), max_size=6)


@given(argv=_PLAY_TOKENS)
@settings(max_examples=300, deadline=None)
def test_a_plain_start_is_read_as_the_parser_reads_it(argv: list[str]) -> None:
    """The shortcut for ``python main.py [--levels DIR] [--lang L]`` agrees with argparse on
    every line it accepts, and leaves every other line to argparse."""
    quick = cli._play_options(argv)
    if quick is None:
        return
    parsed = cli.build_parser(argv).parse_args(argv)
    assert parsed.command is None and quick == (parsed.levels, parsed.lang)


def test_the_plain_start_shortcut_takes_what_it_should() -> None:
    assert cli._play_options([]) is not None
    assert cli._play_options(["--lang", "en", "--levels=x"]) is not None
    for refused in (["--lang", "fr"], ["--levels"], ["--help"], ["check"], ["--levels", "-x"]):
        assert cli._play_options(refused) is None
