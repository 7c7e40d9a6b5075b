"""``export --profile NAME FILE`` on one PC, ``import FILE`` on another: the pupil arrives
with the same progress and identity, and nobody's save is overwritten by surprise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.classroom.saves import EXPORT_FORMAT, read_class_folder
from game.cli import main
from game.progress import Progress, ProgressStore


def played() -> Progress:
    progress = Progress()
    progress.record_level("xj-1", won=True, moves=14, troops=60, stars=2, hints=1)
    progress.record_quiz("xiangjiang", total=2, answers={"q1": True, "q2": False},
                         given={"q2": "C"})
    return progress


def test_export_then_import_on_another_pc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CHANGZHENG_DATA_DIR", str(tmp_path / "pc1"))
    progress = played()
    ProgressStore.default("王小明").save(progress)
    export = tmp_path / "王小明.changzheng.json"
    assert main(["export", "--profile", "王小明", str(export)]) == 0
    document = json.loads(export.read_text(encoding="utf-8"))
    assert (document["format"], document["profile"]) == (EXPORT_FORMAT, "王小明")
    assert document["save"]["profile_id"] == progress.profile_id

    monkeypatch.setenv("CHANGZHENG_DATA_DIR", str(tmp_path / "pc2"))
    assert main(["import", str(export)]) == 0
    arrived = ProgressStore.default("王小明").load().progress
    assert arrived == progress
    assert main(["import", str(export)]) == 2
    assert "already has progress on this computer" in capsys.readouterr().err
    assert main(["import", str(export), "--as", "王小明2"]) == 0
    assert main(["import", str(export), "--replace"]) == 0
    kept = list((tmp_path / "pc2" / "profiles").glob("王小明.before-import-*.json"))
    assert len(kept) == 1
    assert ProgressStore.default("default").list_profiles() == ["王小明", "王小明2"]

    # the save and its export side by side in a class folder: one pupil
    class_dir = tmp_path / "class"
    (class_dir / "pc1").mkdir(parents=True)
    (class_dir / "pc1" / "王小明.json").write_bytes(
        (tmp_path / "pc1" / "profiles" / "王小明.json").read_bytes())
    (class_dir / export.name).write_bytes(export.read_bytes())
    assert len(read_class_folder(class_dir).pupils) == 1


def test_an_old_save_gets_its_id_when_exported(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHANGZHENG_DATA_DIR", str(tmp_path))
    old = {**played().to_json(), "version": 1}
    del old["profile_id"]
    store = ProgressStore.default("amy")
    store.path.parent.mkdir(parents=True)
    store.path.write_text(json.dumps(old), encoding="utf-8")
    assert main(["export", "--profile", "amy", str(tmp_path / "amy.json.export")]) == 0
    saved_id = json.loads(store.path.read_text(encoding="utf-8"))["profile_id"]
    exported = json.loads((tmp_path / "amy.json.export").read_text(encoding="utf-8"))
    assert saved_id and exported["save"]["profile_id"] == saved_id


def test_refusals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CHANGZHENG_DATA_DIR", str(tmp_path / "pc"))
    assert main(["export", "--profile", "nobody", str(tmp_path / "x.json")]) == 2
    assert "no saved progress for 'nobody'" in capsys.readouterr().err
    ProgressStore.default("amy").save(played())
    precious = tmp_path / "notes.json"
    precious.write_text('{"mine": true}', encoding="utf-8")
    assert main(["export", "--profile", "amy", str(precious)]) == 2
    assert precious.read_text(encoding="utf-8") == '{"mine": true}'
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({"format": EXPORT_FORMAT, "version": 7, "profile": "x",
                                 "save": {}}), encoding="utf-8")
    assert main(["--lang", "en", "import", str(newer)]) == 1
    assert "newer version of the game (export version 7" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "missing.json")]) == 2
