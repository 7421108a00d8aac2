from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from parley.moderation.data.build_dataset import HELDOUT_SHARE, NEAR_DUPLICATE, build
from parley.moderation.dataset import (
    LABELS,
    NONE,
    Example,
    data_path,
    near_duplicate_pairs,
    read_examples,
)
from parley.moderation.normalize import normalize

ORDINARY_FAMILIES = ("meetup", "cooking", "sports", "tech", "travel", "family", "pets", "work",
                     "weather", "chatter", "music", "study", "shopping", "health", "services",
                     "events", "small_shop", "chat", "everyday", "commerce")  # fmt: skip


@pytest.fixture(scope="module")
def splits() -> tuple[list[Example], list[Example]]:
    return read_examples(data_path("train.jsonl")), read_examples(data_path("heldout.jsonl"))


def test_size_labels_and_languages(splits: tuple[list[Example], list[Example]]) -> None:
    train, heldout = splits
    rows = train + heldout
    assert len(rows) >= 3000
    assert {e.label for e in rows} == set(LABELS)
    assert {"en", "ru", "es", "de", "fr", "pt", "ar"} <= {e.lang for e in rows}
    assert len({e.id for e in rows}) == len(rows)
    share = len(heldout) / len(rows)
    assert 0.18 <= share <= 0.27, share
    for label in LABELS:
        assert Counter(e.label for e in heldout)[label] >= 50, label


def test_split_is_by_family(splits: tuple[list[Example], list[Example]]) -> None:
    train, heldout = splits
    assert not {e.family for e in train} & {e.family for e in heldout}


def test_no_exact_or_near_duplicates_cross_the_split(
    splits: tuple[list[Example], list[Example]],
) -> None:
    train, heldout = splits
    seen = {normalize(e.text) for e in train}
    assert [e.id for e in heldout if normalize(e.text) in seen] == []
    pairs = near_duplicate_pairs([e.text for e in heldout], [e.text for e in train],
                                 threshold=NEAR_DUPLICATE)  # fmt: skip
    assert [(heldout[i].id, train[j].id, round(s, 2)) for i, j, s in pairs] == []


def test_hard_negatives_are_a_large_share_of_none(
    splits: tuple[list[Example], list[Example]],
) -> None:
    none = [e for e in splits[0] + splits[1] if e.label == NONE]
    ordinary = [e for e in none if e.family.split(".")[-1] in ORDINARY_FAMILIES
                or e.family.split(".")[-1].startswith("market")]  # fmt: skip
    assert (len(none) - len(ordinary)) / len(none) >= 0.35


def test_shipped_files_are_what_the_builder_makes(
    splits: tuple[list[Example], list[Example]],
) -> None:
    train, heldout = build()
    assert (train, heldout) == splits, "run python -m parley.moderation.data.build_dataset"
    assert pytest.approx(0.22) == HELDOUT_SHARE


def test_near_duplicates_are_found_through_disguises() -> None:
    pairs = near_duplicate_pairs(
        ["S3LLING c o c a i n e in Berlin, DM me now", "a totally different sentence"],
        ["selling cocaine in berlin, dm me now!!", "weather is nice"],
    )
    assert [(i, j) for i, j, _ in pairs] == [(0, 0)]


@pytest.fixture(scope="module")
def extra_splits() -> tuple[list[Example], list[Example]]:
    return read_examples(data_path("train_extra.jsonl")), read_examples(data_path("dev.jsonl"))


def test_extra_files_are_what_their_builder_makes(
    extra_splits: tuple[list[Example], list[Example]],
) -> None:
    from parley.moderation.data.more.build_extra import build as build_extra

    assert build_extra() == extra_splits, "run python -m parley.moderation.data.more.build_extra"


def test_dev_is_new_families_with_every_label(
    splits: tuple[list[Example], list[Example]],
    extra_splits: tuple[list[Example], list[Example]],
) -> None:
    train, heldout = splits
    extra, dev = extra_splits
    dev_families = {e.family for e in dev}
    assert not dev_families & {e.family for e in train + heldout + extra}
    assert not {e.family for e in extra} & {e.family for e in train + heldout}
    assert len({e.id for e in train + heldout + extra + dev}) == len(train + heldout + extra + dev)
    counts = Counter(e.label for e in dev)
    assert set(counts) == set(LABELS)
    assert counts[NONE] >= 200 and min(counts.values()) >= 50
    assert {"en", "ru", "es", "de", "fr", "pt", "ar"} <= {e.lang for e in dev}


def test_extra_and_dev_do_not_repeat_the_shipped_splits(
    splits: tuple[list[Example], list[Example]],
    extra_splits: tuple[list[Example], list[Example]],
) -> None:
    train, heldout = splits
    extra, dev = extra_splits
    for rows, corpus in ((extra, train + heldout), (dev, train + heldout + extra)):
        seen = {normalize(e.text) for e in corpus}
        assert [e.id for e in rows if normalize(e.text) in seen] == []
        pairs = near_duplicate_pairs([e.text for e in rows], [e.text for e in corpus],
                                     threshold=NEAR_DUPLICATE)  # fmt: skip
        assert [(rows[i].id, corpus[j].id) for i, j, _ in pairs] == []


def test_swap_rows_come_from_training_families_only(
    splits: tuple[list[Example], list[Example]],
    extra_splits: tuple[list[Example], list[Example]],
) -> None:
    from parley.moderation.data.more.build_swap import build as build_swap
    from parley.moderation.data.more.build_swap import categories_in, swap

    train, heldout = splits
    extra, dev = extra_splits
    swapped = read_examples(data_path("train_swap.jsonl"))
    assert build_swap() == swapped, "run python -m parley.moderation.data.more.build_swap"
    assert {e.family for e in swapped} <= {e.family for e in train + extra}
    assert not {e.id for e in swapped} & {e.id for e in train + extra}
    counts = Counter(e.label for e in swapped)
    assert set(counts) == set(LABELS) and counts[NONE] >= 500
    unseen = heldout + dev
    assert not {normalize(e.text) for e in swapped} & {normalize(e.text) for e in unseen}
    pairs = near_duplicate_pairs([e.text for e in swapped], [e.text for e in unseen],
                                 threshold=NEAR_DUPLICATE)  # fmt: skip
    assert [(swapped[i].id, unseen[j].id) for i, j, _ in pairs] == []
    # a template's product slots all turn into the other category's
    template = "{opener} {drug} {qty} {price}, {drug2} {drug_form}. {contact}"
    assert categories_in(template) == {"drugs"}
    assert swap(template, "weapons") == (
        "{opener} {weapon} {qty} {price}, {weapon2} {weapon_cond}. {contact}"
    )
    assert categories_in("{drug} and {weapon}") == {"drugs", "weapons"}


def _unseen_rows_are_not_repeated(rows: list[Example], unseen: list[Example]) -> None:
    assert not {normalize(e.text) for e in rows} & {normalize(e.text) for e in unseen}
    pairs = near_duplicate_pairs([e.text for e in rows], [e.text for e in unseen],
                                 threshold=NEAR_DUPLICATE)  # fmt: skip
    assert [(rows[i].id, unseen[j].id) for i, j, _ in pairs] == []


def test_resampled_rows_come_from_train_families_only(
    splits: tuple[list[Example], list[Example]],
    extra_splits: tuple[list[Example], list[Example]],
) -> None:
    from parley.moderation.data.more.build_resample import build as build_resample

    train, heldout = splits
    rows = read_examples(data_path("train_resample.jsonl"))
    assert build_resample() == rows, "run python -m parley.moderation.data.more.build_resample"
    assert {e.family for e in rows} <= {e.family for e in train}
    assert len({e.id for e in rows}) == len(rows)
    assert not {e.id for e in rows} & {e.id for e in train}
    counts = Counter(e.label for e in rows)
    assert set(counts) == set(LABELS) and counts[NONE] >= 1000
    # a shared frame's rows keep its mix: lawful items are `none`, the rest a category
    mixed = [e for e in rows if e.family.startswith("any.")]
    assert 0.2 <= sum(e.label == NONE for e in mixed) / len(mixed) <= 0.4
    _unseen_rows_are_not_repeated(rows, heldout + extra_splits[1])


def test_authored_frames_are_new_families(
    splits: tuple[list[Example], list[Example]],
    extra_splits: tuple[list[Example], list[Example]],
) -> None:
    from parley.moderation.data.more import build_frames

    train, heldout = splits
    extra, dev = extra_splits
    rows = read_examples(data_path("train_frames.jsonl"))
    assert build_frames.build() == rows, "run python -m parley.moderation.data.more.build_frames"
    families = {e.family for e in rows}
    assert not families & {e.family for e in train + heldout + extra + dev}
    assert len({e.id for e in rows}) == len(rows)
    assert {"en", "ru", "es", "de", "fr", "pt", "ar"} <= {e.lang for e in rows}
    assert set(Counter(e.label for e in rows)) == set(LABELS)
    kinds = Counter(e.family.split(".")[2].rstrip("0123456789") for e in rows)
    assert set(kinds) == {"y_offer", "y_innocent", "y_lawful"}
    assert all(e.label == NONE for e in rows if not e.family.startswith("any."))
    # a frame that nearly repeats an older template (with its slots blanked) is left out
    kept = {f.templates[0] for f in build_frames.families()}
    authored = [template for _, _, template in build_frames.frames()]
    assert len(kept) >= 300 and len(kept) < len(authored)
    older = [build_frames.blank(t) for t in build_frames.older_templates()]
    pairs = near_duplicate_pairs([build_frames.blank(t) for t in kept], older,
                                 threshold=build_frames.TEMPLATE_NEAR)  # fmt: skip
    assert pairs == []
    _unseen_rows_are_not_repeated(rows, heldout + dev)


def test_fresh_splits_follow_their_ids_and_repeat_nothing_shipped() -> None:
    """dev2 and heldout2: authored from scratch, split by a hash of each id before any model
    scored them, new to each other and to every shipped file (build_fresh re-checks all of
    it on the shipped rows)."""
    from parley.moderation.data.more import build_fresh

    dev = read_examples(data_path("dev2.jsonl"))
    heldout = read_examples(data_path("heldout2.jsonl"))
    assert build_fresh.build(dev + heldout) == (dev, heldout)
    assert all(build_fresh.split_of(e) == "dev2" for e in dev)
    ambiguous = Path(build_fresh.__file__).with_name("fresh_ambiguous.jsonl").read_text("utf-8")
    dropped = {json.loads(line)["id"] for line in ambiguous.splitlines()}
    assert len(dropped) == 24 and not dropped & {e.id for e in dev + heldout}
    assert 0.3 <= len(dev) / len(dev + heldout) <= 0.5
    assert len({e.family for e in dev + heldout}) == len(dev + heldout)
    training = {e.family for name in build_fresh.SHIPPED for e in read_examples(data_path(name))}
    assert not training & {e.family for e in dev + heldout}
    for rows in (dev, heldout):
        counts = Counter(e.label for e in rows)
        assert set(counts) == set(LABELS)
        assert min(counts[c] for c in LABELS if c != NONE) >= 50
        assert 0.4 <= counts[NONE] / len(rows) <= 0.5
        assert {e.lang for e in rows} == set(build_fresh.LANGS)


def test_authored_posts_are_checked() -> None:
    from parley.moderation.data.more.build_fresh import check
    from parley.moderation.dataset import DatasetError

    check(Example("drugs.en.za001#0", "text", "drugs", "en"))
    for bad in (
        Example("drugs.en.za001#0", "text", "none", "en"),  # the id names another label
        Example("drugs.en.za001#0", "text", "drugs", "de"),  # and another language
        Example("drugs.en.generic#3", "text", "drugs", "en"),  # not an authored post's id
        Example("drugs.xx.za001#0", "text", "drugs", "xx"),
        Example("drugs.en.wa001#0", "text", "drugs", "en"),  # a training author's post
    ):
        with pytest.raises(DatasetError):
            check(bad)
    check(Example("drugs.en.wa001#0", "text", "drugs", "en"), authors="vw")


def test_written_training_posts_keep_clear_of_the_evaluation_posts() -> None:
    """train_fresh: authored training posts, one family each, none of them a repeat of a
    shipped row or anywhere near a dev2 or heldout2 post (build_authored re-checks it all)."""
    from parley.moderation.data.more import build_authored

    rows = read_examples(data_path("train_fresh.jsonl"))
    assert build_authored.build(rows) == rows
    assert len({e.family for e in rows}) == len(rows) >= 10_000
    counts = Counter(e.label for e in rows)
    assert set(counts) == set(LABELS) and min(counts[c] for c in LABELS if c != NONE) >= 500
    assert {e.lang for e in rows} == {"en", "ru", "ar", "es", "pt", "fr", "de"}
    unseen = read_examples(data_path("dev2.jsonl")) + read_examples(data_path("heldout2.jsonl"))
    assert not {e.family for e in rows} & {e.family for e in unseen}
