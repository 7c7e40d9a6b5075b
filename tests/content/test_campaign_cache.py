"""The campaign cache: the same campaign as a normal load, and never a stale or foreign one."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import game.content.campaign as campaign_module
from game.content import campaign_cache
from game.content.campaign import Campaign, load_campaign
from game.content.campaign_cache import cache_file, cache_key, load_campaign_cached
from game.content.errors import ContentError

REPO = Path(__file__).resolve().parents[2]
LEVELS = REPO / "levels"


@pytest.fixture()
def levels(tmp_path: Path) -> Path:
    """A copy of the shipped campaign the test may edit."""
    return Path(shutil.copytree(LEVELS, tmp_path / "levels"))


def _forbid_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(root: Path, display: object = None) -> Campaign:
        raise AssertionError("the campaign was parsed, not taken from the cache")

    monkeypatch.setattr(campaign_module, "load_campaign", fail)


def _count_loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    loads: list[Path] = []
    real = campaign_module.load_campaign

    def counted(root: Path, display: object = None) -> Campaign:
        loads.append(root)
        return real(root)

    monkeypatch.setattr(campaign_module, "load_campaign", counted)
    return loads


def test_second_load_comes_from_the_cache_and_equals_a_normal_load(
        levels: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_campaign_cached(levels)
    assert cache_file(levels).is_file()
    _forbid_loading(monkeypatch)
    second = load_campaign_cached(levels)
    monkeypatch.undo()
    assert second == first == load_campaign(levels)
    assert second.root == levels


def test_cache_folder_and_file_are_private(levels: Path) -> None:
    load_campaign_cached(levels)
    path = cache_file(levels)
    if os.name == "posix":
        assert path.stat().st_mode & 0o077 == 0
        assert path.parent.stat().st_mode & 0o077 == 0


def test_an_edited_content_file_is_loaded_again(levels: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    load_campaign_cached(levels)
    campaign_yaml = levels / "campaign.yaml"
    text = campaign_yaml.read_text(encoding="utf-8")
    campaign_yaml.write_text(text.replace("title:", "title: ", 1), encoding="utf-8")
    info = campaign_yaml.stat()
    os.utime(campaign_yaml, ns=(info.st_atime_ns, info.st_mtime_ns - 60_000_000_000))
    loads = _count_loads(monkeypatch)
    load_campaign_cached(levels)
    load_campaign_cached(levels)
    assert loads == [levels]  # parsed once after the edit, then cached again


def test_a_file_changed_just_now_is_not_cached_yet(levels: Path) -> None:
    (levels / "campaign.yaml").touch()  # a coarse clock could hide a second edit this second
    first = load_campaign_cached(levels)
    assert not cache_file(levels).exists()
    assert load_campaign_cached(levels) == first


def test_a_new_file_in_the_folder_means_a_fresh_load(levels: Path) -> None:
    before = cache_key(levels)
    (levels / "notes.txt").write_text("x", encoding="utf-8")
    assert cache_key(levels) != before


def test_broken_content_raises_and_is_never_cached(levels: Path) -> None:
    (levels / "campaign.yaml").write_text("title: [\n", encoding="utf-8")
    with pytest.raises(ContentError):
        load_campaign_cached(levels)
    assert not cache_file(levels).exists()
    with pytest.raises(ContentError):
        load_campaign_cached(levels)


@pytest.mark.parametrize("content", [
    b"not a pickle at all",
    b"",
    pickle.dumps(("another key", "not a campaign")),
    pickle.dumps([1, 2, 3]),
])
def test_a_corrupt_or_foreign_cache_file_is_ignored_and_rewritten(
        levels: Path, monkeypatch: pytest.MonkeyPatch, content: bytes) -> None:
    expected = load_campaign(levels)
    path = cache_file(levels)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.write_bytes(content)
    path.chmod(0o600)
    assert load_campaign_cached(levels) == expected
    assert path.read_bytes() != content
    _forbid_loading(monkeypatch)
    assert load_campaign_cached(levels) == expected  # the rewritten file is used


def test_a_cache_made_for_another_key_is_not_used(levels: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    load_campaign_cached(levels)
    path = cache_file(levels)
    key, stored = pickle.loads(path.read_bytes())
    path.write_bytes(pickle.dumps(((*key[:-1], ()), stored)))
    path.chmod(0o600)
    loads = _count_loads(monkeypatch)
    load_campaign_cached(levels)
    assert loads == [levels]


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_cache_file_others_may_write_is_never_unpickled(
        levels: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_campaign_cached(levels)
    path = cache_file(levels)
    path.chmod(0o666)

    def no_unpickling(*args: object, **kwargs: object) -> object:
        raise AssertionError("a file others may write was unpickled")

    monkeypatch.setattr(campaign_cache.pickle, "load", no_unpickling)
    loads = _count_loads(monkeypatch)
    load_campaign_cached(levels)
    assert loads == [levels]


def test_no_cache_when_switched_off(levels: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(campaign_cache.NO_CACHE_ENV, "1")
    load_campaign_cached(levels)
    assert not cache_file(levels).exists()


def test_an_unwritable_cache_folder_only_means_no_cache(
        levels: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv(campaign_cache.DATA_DIR_ENV, str(blocker))
    assert load_campaign_cached(levels) == load_campaign(levels)


def test_a_start_from_the_cache_imports_neither_yaml_nor_the_loader(
        levels: Path, tmp_path: Path) -> None:
    load_campaign_cached(levels)  # fills the cache (the test's data folder)
    probe = ("import sys\n"
             "from pathlib import Path\n"
             "from game.content.campaign_cache import load_campaign_cached\n"
             "campaign = load_campaign_cached(Path(sys.argv[1]))\n"
             "print(len(campaign.chapters), sorted(name for name in sys.modules\n"
             "      if name == 'yaml' or name.startswith(('yaml.', 'game.content.'))))\n")
    done = subprocess.run([sys.executable, "-c", probe, str(levels)], capture_output=True,
                          text=True, env=dict(os.environ), cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    chapters, modules = done.stdout.split(" ", 1)
    assert int(chapters) == len(load_campaign(levels).chapters)
    assert modules.strip() == str(["game.content.campaign_cache", "game.content.model"])
