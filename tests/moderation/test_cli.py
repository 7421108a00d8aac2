"""`parley moderation` commands through Typer's runner."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image
from typer.testing import CliRunner

from parley.cli import app
from parley.moderation.policy import load_policy
from parley.moderation.policy_doc import render_policy_markdown

runner = CliRunner()


def test_classify_from_stdin() -> None:
    lines = [
        {"id": "a", "text": "c0caine 1g 80€ dm me"},
        {"id": 7, "text": "Pizza and a cold coke tonight 🍕"},
    ]
    stdin = "\n".join(json.dumps(line) for line in lines) + "\n"
    result = runner.invoke(app, ["moderation", "classify", "--input", "-"], input=stdin)
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(o["id"], o["label"]) for o in out] == [("a", "drugs"), ("7", "none")]
    assert set(out[0]["scores"]) >= {"drugs", "none"}


def test_classify_rejects_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n', encoding="utf-8")
    result = runner.invoke(app, ["moderation", "classify", "--input", str(bad)])
    assert result.exit_code == 1
    assert "text" in result.output


def test_eval_json_and_plot(tmp_path: Path) -> None:
    data = tmp_path / "small.jsonl"
    rows = [
        {"id": "1", "text": "fresh fullz with ssn, 15 each, dm", "label": "stolen_data"},
        {"id": "2", "text": "Good morning everyone!", "label": "none"},
        {"id": "3", "text": "selling glock no serial, cash", "label": "weapons"},
    ]
    data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    plot = tmp_path / "confusion.png"
    result = runner.invoke(app, ["moderation", "eval", str(data), "--json", "--plot", str(plot)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["none_fpr"] == 0.0
    assert {"macro_f1", "per_label", "confusion"} <= set(report)
    with Image.open(plot) as image:
        assert image.format == "PNG" and image.width > 300
    table = runner.invoke(app, ["moderation", "eval", str(data)])
    assert table.exit_code == 0 and "macro-F1" in table.stdout


def test_policy_doc_prints_the_page() -> None:
    result = runner.invoke(app, ["moderation", "policy-doc"])
    assert result.exit_code == 0
    assert result.stdout == render_policy_markdown(load_policy())


def test_train_writes_a_model(tmp_path: Path) -> None:
    from parley.moderation.dataset import data_path, read_examples

    rows = read_examples(data_path("train.jsonl"))[::60]
    small = tmp_path / "train.jsonl"
    small.write_text("".join(e.to_json() + "\n" for e in rows), encoding="utf-8")
    out = tmp_path / "model.joblib"
    result = runner.invoke(app, ["moderation", "train", "--train", str(small), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0
    classified = runner.invoke(
        app, ["moderation", "classify", "--input", "-", "--model", str(out)],
        input='{"id": "x", "text": "hello"}\n',
    )  # fmt: skip
    assert classified.exit_code == 0 and '"id":"x"' in classified.stdout


def test_hash_command(tmp_path: Path) -> None:
    picture = tmp_path / "p.png"
    Image.new("RGB", (64, 64), (10, 200, 10)).save(picture)
    text = tmp_path / "t.txt"
    text.write_text("hello", encoding="utf-8")
    result = runner.invoke(app, ["moderation", "hash", str(picture), str(text)])
    assert result.exit_code == 0, result.output
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert len(first["pdq"]) == 64 and first["pdq_quality"] == 0
    assert second["pdq"] is None and len(second["sha256"]) == 64
