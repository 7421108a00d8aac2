"""`parley moderation`: classify and evaluate posts, retrain the text model, print the policy
page and hash media. The model and scikit-learn are imported only by the commands using them."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import orjson
import typer
from rich.table import Table

if TYPE_CHECKING:
    from parley.moderation.classifier import TextClassifier
    from parley.moderation.dataset import Example

import getpass

from parley.cli.common import console, err_console, run_with_container
from parley.container import Container
from parley.domain.errors import DomainError
from parley.services.audit import Actor
from parley.services.hash_banks import ImportResult, import_bank

app = typer.Typer(
    help="Detection engines: text classifier, policy page, media hashes.", no_args_is_help=True
)

# Models fitted at once by `train` and `cv`: one per core, at most a full model and 5 folds.
_CORES = min(os.cpu_count() or 1, 6)
_MODEL_HELP = (
    "a model file you built with `parley moderation train` (model files are pickles: "
    "load only your own); default: the packaged model"
)


def _load_model(model: Path | None) -> TextClassifier:
    from parley.moderation.classifier import ModelError, TextClassifier

    try:
        return TextClassifier.load(model) if model else TextClassifier.load_default()
    except (OSError, ModelError) as error:
        err_console.print(f"[red]cannot load the model: {error}")
        raise typer.Exit(1) from error


@app.command()
def classify(
    input: str = typer.Option(
        ..., "--input", "-i", help="JSON lines with id and text; - for stdin"
    ),
    model: Path | None = typer.Option(None, "--model", help=_MODEL_HELP),
    batch: int = typer.Option(512, help="posts classified at once"),
) -> None:
    """Label posts: one line {"id","label","scores"} per input line, on stdout."""
    from parley.moderation.dataset import DatasetError, read_examples

    classifier = _load_model(model)
    try:
        if input == "-":
            examples = read_examples(sys.stdin, labelled=False)
        else:
            examples = read_examples(Path(input), labelled=False)
    except (OSError, DatasetError) as error:
        err_console.print(f"[red]{error}")
        raise typer.Exit(1) from error
    out = sys.stdout.buffer
    for start in range(0, len(examples), batch):
        chunk = examples[start : start + batch]
        for example, prediction in zip(
            chunk, classifier.predict([e.text for e in chunk]), strict=True
        ):
            record = {"id": example.id, "label": prediction.label, "scores": prediction.scores}
            out.write(orjson.dumps(record) + b"\n")
    out.flush()


@app.command("eval")
def evaluate_file(
    path: Path = typer.Argument(..., help="JSON lines with id, text and label"),
    model: Path | None = typer.Option(None, "--model", help=_MODEL_HELP),
    as_json: bool = typer.Option(False, "--json", help="print JSON instead of a table"),
    plot: Path | None = typer.Option(None, "--plot", help="also draw the confusion matrix (PNG)"),
) -> None:
    """Precision, recall and F1 per category, macro-F1 and the false-positive rate on none."""
    from parley.moderation.confusion_png import draw_confusion
    from parley.moderation.dataset import DatasetError, read_examples
    from parley.moderation.metrics import evaluate

    try:
        examples = read_examples(path)
    except (OSError, DatasetError) as error:
        err_console.print(f"[red]{error}")
        raise typer.Exit(1) from error
    classifier = _load_model(model)
    predicted = classifier.predict_labels([e.text for e in examples])
    result = evaluate([e.label for e in examples], predicted)
    if plot is not None:
        plot.write_bytes(
            draw_confusion(
                result,
                title=f"{path.name}: macro-F1 "
                f"{result.macro_f1:.3f}, none FPR {result.none_fpr:.2%}",
            )
        )
    if as_json:
        sys.stdout.write(orjson.dumps(result.to_dict(), option=orjson.OPT_INDENT_2).decode())
        sys.stdout.write("\n")
        return
    table = Table("label", "precision", "recall", "F1", "support", title=str(path))
    for label, score in result.per_label.items():
        table.add_row(
            label, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
            str(score.support),
        )  # fmt: skip
    console.print(table)
    console.print(
        f"macro-F1 [bold]{result.macro_f1:.4f}[/] "
        f"(categories only {result.macro_f1_categories:.4f})   "
        f"none FPR [bold]{result.none_fpr:.2%}[/] of {result.none_total}"
    )
    if plot is not None:
        console.print(f"confusion matrix written to {plot}")


@app.command()
def train(
    train_file: Path | None = typer.Option(
        None,
        "--train",
        help="default: the packaged training files (dataset.TRAINING_FILES and DERIVED_FILES)",
    ),
    dev_file: Path | None = typer.Option(
        None, "--dev", help="posts to tune the flagging margin on; default: the packaged dev2.jsonl"
    ),
    out: Path | None = typer.Option(None, "--out", help="default: the packaged model file"),
    seed: int | None = typer.Option(None, help="random seed (the fit is deterministic)"),
    folds: int = typer.Option(5, min=2, max=20, help="cross-validation folds for the margin"),
    jobs: int = typer.Option(_CORES, min=1, max=64, help="processes fitting models at once"),
) -> None:
    """Rebuild the text model from labelled data and write the model file. The flagging margin
    keeps false alarms at or under 1% over the dev split's innocent posts and the training
    files' innocent posts scored by cross-validation (a model per fold, so it takes a few
    minutes)."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from parley.moderation.classifier import DEFAULT_SEED, default_model_path
    from parley.moderation.crossval import pooled_margin, train_and_cross_validate
    from parley.moderation.dataset import data_path, read_examples

    examples, derived = _training_files(train_file)
    calibration = read_examples(dev_file or data_path("dev2.jsonl"))
    target = out or default_model_path()
    columns = (TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    try:
        with Progress(*columns, console=err_console) as progress:
            task = progress.add_task(
                f"training on {len(examples) + len(derived)} posts and cross-validating",
                total=folds + 1,
            )
            oof, classifier = train_and_cross_validate(
                examples, also_train=derived, folds=folds, jobs=jobs,
                model_seed=DEFAULT_SEED if seed is None else seed,
                progress=lambda _: progress.advance(task),
            )  # fmt: skip
    except ValueError as error:  # too few labels or families to fit or to cross-validate
        err_console.print(f"[red]{error}")
        raise typer.Exit(1) from error
    if classifier is None:  # full=True always fits it
        raise RuntimeError("no model was fitted")
    classifier.margin, figures = pooled_margin(classifier, calibration, oof)
    classifier.metadata |= {"margin": classifier.margin, "calibration": figures}
    classifier.save(target)
    err_console.print(
        f"model written to {target} ({target.stat().st_size} bytes, "
        f"{classifier.features.n_features} features); flagging margin "
        f"{classifier.margin:+.2f}: {figures}"
    )


def _training_files(train_file: Path | None) -> tuple[list[Example], list[Example]]:
    """The training posts and the rows derived from them (slot swaps and more fills, which train
    but are never scored in cross-validation): the packaged files, or one file and nothing
    derived."""
    from parley.moderation.dataset import DatasetError, read_examples, training_sets

    try:
        if train_file is not None:
            return read_examples(train_file), []
        return training_sets()
    except (OSError, DatasetError) as error:
        err_console.print(f"[red]{error}")
        raise typer.Exit(1) from error


@app.command("cv")
def cross_validate(
    train_file: Path | None = typer.Option(
        None,
        "--train",
        help="default: the packaged training files (dataset.TRAINING_FILES and DERIVED_FILES)",
    ),
    folds: int = typer.Option(5, min=2, max=20, help="folds; a family stays in one"),
    seed: int = typer.Option(0, help="how families are dealt to folds"),
    jobs: int = typer.Option(_CORES, min=1, max=64, help="processes fitting models at once"),
    as_json: bool = typer.Option(False, "--json", help="print JSON instead of a table"),
) -> None:
    """Cross-validate a training recipe by template family: macro-F1 and false alarms on
    families each fold's model never saw, over the flagging margins."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from parley.moderation.crossval import out_of_fold

    examples, derived = _training_files(train_file)
    try:
        columns = (BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=err_console) as progress:
            task = progress.add_task("folds", total=folds)
            oof = out_of_fold(examples, also_train=derived, folds=folds, seed=seed, jobs=jobs,
                              progress=lambda _: progress.advance(task))  # fmt: skip
    except ValueError as error:
        err_console.print(f"[red]{error}")
        raise typer.Exit(1) from error
    margin, chosen = oof.best_within()
    rows = [(m, r) for m, r in oof.curve() if r.none_fpr <= 0.1]
    if as_json:
        out = {
            "posts": len(examples),
            "folds": folds,
            "margin_at_1pct": margin,
            "at_1pct": chosen.to_dict(),
            "curve": [
                {"margin": m, "macro_f1": round(r.macro_f1, 4), "none_fpr": round(r.none_fpr, 4)}
                for m, r in rows
            ],
        }
        sys.stdout.write(orjson.dumps(out, option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    table = Table("margin", "macro-F1", "none FPR", title=f"{len(examples)} posts, {folds} folds")
    for m, r in rows:
        table.add_row(f"{m:+.2f}", f"{r.macro_f1:.4f}", f"{r.none_fpr:.2%}")
    console.print(table)
    console.print(
        f"at ≤ 1% false alarms: margin [bold]{margin:+.2f}[/], macro-F1 "
        f"[bold]{chosen.macro_f1:.4f}[/], none FPR {chosen.none_fpr:.2%}"
    )


@app.command("policy-doc")
def policy_doc() -> None:
    """Print the policy page (docs/moderation-policy.md) rendered from the policy file."""
    from parley.moderation.policy import load_policy
    from parley.moderation.policy_doc import render_policy_markdown

    sys.stdout.write(render_policy_markdown(load_policy()))


@app.command("hash")
def hash_files(files: list[Path] = typer.Argument(..., help="media files")) -> None:
    """Print each file's SHA-256 and, for images, its PDQ hash and quality (for hash banks)."""
    from PIL import UnidentifiedImageError

    from parley.moderation.hashes import pdq_hash, sha256_hex

    for path in files:
        data = path.read_bytes()
        record: dict[str, object] = {"file": str(path), "sha256": sha256_hex(data)}
        try:
            pdq = pdq_hash(data)
            record |= {"pdq": pdq.hex, "pdq_quality": pdq.quality}
        except (UnidentifiedImageError, OSError):
            record["pdq"] = None
        sys.stdout.write(orjson.dumps(record).decode() + "\n")


hashes_app = typer.Typer(help="Hash banks of known-bad media.", no_args_is_help=True)
app.add_typer(hashes_app, name="hashes")


@hashes_app.command("import")
def import_hashes(
    csv_file: Path = typer.Argument(..., exists=True, dir_okay=False, help="hash,category,source"),
    bank: str = typer.Option(..., "--bank", help="the bank's name, e.g. ncmec-2026-11"),
    kind: str | None = typer.Option(
        None, "--kind", help="pdq or sha256, when the CSV has no kind column"
    ),
) -> None:
    """Import a hash bank from CSV; running servers reload their matchers."""

    text = csv_file.read_text(encoding="utf-8")

    async def run(c: Container) -> ImportResult:
        return await import_bank(c.ctx, text, bank=bank, kind=kind,
                                 actor=Actor("cli", getpass.getuser()))  # fmt: skip

    try:
        result = run_with_container(run)
    except DomainError as error:
        err_console.print(f"[red]{error.message}")
        raise typer.Exit(1) from error
    console.print(f"bank [bold]{result.bank}[/]: read {result.read}, added {result.added}")


@hashes_app.command("list")
def list_banks() -> None:
    """Banks and their sizes."""

    async def run(c: Container) -> dict[str, int]:
        return await c.db.read(lambda tx: tx.hash_banks.counts())

    for name, count in sorted(run_with_container(run).items()):
        console.print(f"{name}: {count}")
