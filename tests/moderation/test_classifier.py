"""The packaged model on hand-written posts, training, files and determinism."""

from __future__ import annotations

import json
from pathlib import Path

import joblib
import numpy as np
import pytest

from parley.moderation.classifier import (
    LINEAR_SHARE,
    MARGINS,
    Hidden,
    Linear,
    ModelError,
    Prediction,
    TextClassifier,
)
from parley.moderation.crossval import DEV_TARGET_FPR
from parley.moderation.dataset import (
    LABELS,
    NONE,
    Example,
    data_path,
    read_examples,
    training_sets,
)
from parley.moderation.metrics import evaluate
from parley.moderation.normalize import normalize

CASES = [
    # obfuscated and slangy ads
    ("drugs", "c0ca1ne 🇨🇴 pure, 1g 90€, dm for menu"),
    ("drugs", "w e e d and h a s h delivered today, hit me up"),
    ("drugs", "❄️❄️ 1g 80 3g 220 🚚 same day delivery, telegram @x_shop"),
    ("drugs", "xanax bars and oxy 30s, no prescription needed, ships discreetly"),
    ("drugs", "selling m.d.m.a and ket, party packs for the weekend"),
    ("drugs", "Продаю меф и шишки, закладки по городу, пишите в лс"),
    ("drugs", "vendo perico y mota, entregas en Madrid, escríbeme"),
    ("drugs", "Koks und Gras, diskrete Lieferung in Berlin, PN"),
    ("drugs", "beuh et coke dispo sur Paris, livraison rapide, snap en bio"),
    ("drugs", "tem maconha e pó, entrega rápida, chama no pv"),
    ("drugs", "حشيش وكبتاغون للبيع، توصيل سري، راسلني خاص"),
    ("weapons", "Gl0ck 19 no serial, untraceable, 1200 cash, dm"),
    ("weapons", "selling AK-47 and ammo, no license needed, meet in person"),
    ("weapons", "Продам пистолет без документов, Москва"),
    ("weapons", "Vendo pistola sin papeles, entrega en mano"),
    ("fake_documents", "real registered passports 🛂 any EU country, 3 days"),
    ("fake_documents", "f@ke IDs that scan, every state, bulk discount"),
    ("fake_documents", "Купить права без экзаменов, с проводкой по базе"),
    ("stolen_data", "fresh fullz with SSN and DOB, 15 each, dm"),
    ("stolen_data", "CVV shop open 24/7 💳 non vbv, replacement if dead"),
    ("stolen_data", "Vendo tarjetas clonadas con saldo, envío inmediato"),
    ("fraud", "counterfeit euros that pass the pen test, 1 real for 4 fake"),
    ("fraud", "refund service for any store, you keep the item, 20% fee"),
    ("fraud", "Faux billets de 50, indétectables, livraison en main propre"),
    ("cybercrime", "h4ck any instagram account in 24h, pay after proof"),
    ("cybercrime", "DDoS stresser for hire, take down any site, 10$/hour"),
    ("cybercrime", "FUD crypter and RAT for sale, bypasses antivirus"),
    ("cybercrime", "Взлом телеграм и вк на заказ, анонимно"),
    # hard negatives
    ("none", "Police in Madrid seized 3 tonnes of cocaine hidden in banana boxes"),
    ("none", "If you use MDMA this weekend, test it first and never use alone 🙏"),
    ("none", "My doctor prescribed oxycodone after surgery, is drowsiness normal?"),
    ("none", "Pizza and a cold coke, perfect night 🍕"),
    ("none", "Finally mowed the grass, the lawn looks great 🌿"),
    ("none", "Unlocked the gold AK-47 camo in Warzone 🎮"),
    ("none", "Deer season opens Saturday, zeroed my rifle at the range"),
    ("none", "Our team won the CTF this weekend, the pwn challenges were brutal"),
    ("none", "SCAM ALERT: someone is offering to double your bitcoin, block and report"),
    ("none", "How long does it take to renew a passport? Mine expires soon"),
    ("none", "My instagram got hacked, how do I get it back?"),
    ("none", "Selling my old bike, 80€, pickup in Berlin, DM me"),
    ("none", "The war on drugs has failed, treat addiction as a health issue"),
    ("none", "Добавьте соль и перец по вкусу 🍲"),
    ("none", "Comprei bala de coco pra festa 🍬"),
    ("none", "Schnee am Wochenende! Wer kommt mit zum Rodeln?"),
    ("none", "La police a saisi de faux billets dans un bar"),
    ("none", "Good morning everyone! Coffee at 10?"),
]


@pytest.mark.parametrize(("label", "text"), CASES)
def test_packaged_model_labels_hand_written_posts(
    classifier: TextClassifier, label: str, text: str
) -> None:
    [prediction] = classifier.predict([text])
    assert prediction.label == label, prediction.scores


def test_prediction_shape(classifier: TextClassifier) -> None:
    predictions = classifier.predict(["selling coke dm", "hello there"])
    assert all(isinstance(p, Prediction) for p in predictions)
    for p in predictions:
        assert set(p.scores) == set(LABELS)
        assert sum(p.scores.values()) == pytest.approx(1.0, abs=1e-4)
        top = max((k for k in p.scores if k != NONE), key=lambda k: p.scores[k])
        flagged = p.scores[top] - p.scores[NONE] > classifier.margin
        assert p.label == (top if flagged else NONE)
    assert classifier.predict([]) == []
    assert classifier.labels == LABELS


def test_min_confidence_falls_back_to_none(classifier: TextClassifier) -> None:
    strict = TextClassifier(
        features=classifier.features, hidden=classifier.hidden, coef=classifier.coef,
        intercept=classifier.intercept, labels=classifier.labels, min_confidence=1.01,
    )  # fmt: skip
    assert strict.predict_labels(["c0caine 1g 80€ dm", "hello"]) == ["none", "none"]


def test_margin_trades_flags_for_none(classifier: TextClassifier) -> None:
    texts = ["c0caine 1g 80€ dm", "selling AK-47 and ammo, no license needed, meet in person"]
    loose = TextClassifier(
        features=classifier.features, hidden=classifier.hidden, coef=classifier.coef,
        intercept=classifier.intercept, labels=classifier.labels, margin=-1.0,
    )  # fmt: skip
    shut = TextClassifier(
        features=classifier.features, hidden=classifier.hidden, coef=classifier.coef,
        intercept=classifier.intercept, labels=classifier.labels, margin=1.0,
    )  # fmt: skip
    assert loose.predict_labels(["hello"]) != ["none"]  # margin -1: always a category
    assert shut.predict_labels(texts) == ["none", "none"]  # p(cat) - p(none) never > 1
    assert classifier.predict_labels(texts) == ["drugs", "weapons"]


def test_packaged_margin_is_the_pooled_one_it_records(classifier: TextClassifier) -> None:
    """`parley moderation train` sets the margin over the innocent posts of dev2 and of the
    training files scored out of fold (crossval.pooled_margin); recomputing the out-of-fold
    part takes minutes, so this checks what the model file records against dev2."""
    dev = read_examples(data_path("dev2.jsonl"))
    figures = classifier.metadata["calibration"]
    assert classifier.margin == classifier.metadata["margin"] and classifier.margin in MARGINS
    assert figures["pooled_fpr"] <= 0.01
    assert figures["dev"]["none_fpr"] <= DEV_TARGET_FPR
    innocent = [e for e in _training_posts() if e.label == NONE]
    assert figures["innocent_posts"] == len(innocent) + sum(e.label == NONE for e in dev)
    on_dev = evaluate([e.label for e in dev], classifier.predict_labels([e.text for e in dev]))
    assert figures["dev"]["macro_f1"] == round(on_dev.macro_f1, 4)
    assert figures["dev"]["none_fpr"] == round(on_dev.none_fpr, 4)


def _training_posts() -> list[Example]:
    return training_sets()[0]


def test_int8_hidden_layer_is_close_to_float() -> None:
    rng = np.random.default_rng(0)
    weights = rng.normal(size=(50, 8)).astype(np.float32)
    weights[:, 3] = 0.0  # a dead unit keeps a usable scale
    hidden = Hidden.quantise(weights, np.zeros(8))
    assert hidden.quantised.dtype == np.int8 and hidden.units == 8
    np.testing.assert_allclose(hidden.weights, weights, atol=float(hidden.scale.max()) / 2)
    assert np.all(hidden.weights[:, 3] == 0.0)
    with pytest.raises(ModelError, match="hidden"):
        Hidden.of(hidden.quantised, hidden.scale[:3], hidden.bias)


def test_probabilities_average_the_network_and_the_linear_model(
    classifier: TextClassifier,
) -> None:
    assert classifier.linear is not None
    texts = ["c0caine 1g 80€ dm", "Pizza and a cold coke, perfect night 🍕", "hello"]
    network = TextClassifier(
        features=classifier.features, hidden=classifier.hidden, coef=classifier.coef,
        intercept=classifier.intercept, labels=classifier.labels,
    )  # fmt: skip
    matrix = classifier.features.transform([normalize(t) for t in texts])
    logits = classifier.linear.logits(matrix)
    linear = np.exp(logits - logits.max(axis=1, keepdims=True))
    linear /= linear.sum(axis=1, keepdims=True)
    expected = (1 - LINEAR_SHARE) * network.predict_proba(texts) + LINEAR_SHARE * linear
    np.testing.assert_allclose(classifier.predict_proba(texts), expected, atol=1e-5)


def test_linear_layer_is_stored_as_float16_and_checked() -> None:
    coef = np.array([[0.1234567, -2.0], [0.0, 1.0], [3.0, 0.5]])
    linear = Linear.of(coef, np.zeros(3))
    assert linear.to_state()["coef"].dtype == np.float16
    np.testing.assert_array_equal(Linear.from_state(linear.to_state()).coef, linear.coef)
    np.testing.assert_allclose(linear.coef, coef, rtol=1e-3)
    with pytest.raises(ModelError, match="linear"):
        Linear.of(coef, np.zeros(2))


def _small_training_set() -> list[Example]:
    rows = read_examples(data_path("train.jsonl"))
    picked: list[Example] = []
    for label in LABELS:
        picked += [e for e in rows if e.label == label][::40][:15]
    return picked


def test_smoke_train_save_load_is_deterministic(tmp_path: Path) -> None:
    examples = _small_training_set()
    assert 80 <= len(examples) <= 120
    first = TextClassifier.train(examples, seed=3)
    second = TextClassifier.train(list(examples), seed=3)
    first.save(tmp_path / "a.joblib")
    second.save(tmp_path / "b.joblib")
    assert (tmp_path / "a.joblib").read_bytes() == (tmp_path / "b.joblib").read_bytes()
    loaded = TextClassifier.load(tmp_path / "a.joblib")
    texts = [e.text for e in examples[:20]]
    np.testing.assert_allclose(loaded.predict_proba(texts), first.predict_proba(texts), atol=2e-3)
    assert loaded.metadata["examples"] == len(examples)


def test_training_needs_none() -> None:
    with pytest.raises(ModelError, match="none"):
        TextClassifier.train([Example("a#0", "coke", "drugs")])


def test_load_refuses_other_files(tmp_path: Path) -> None:
    path = tmp_path / "model.joblib"
    joblib.dump({"format": 99}, path)
    with pytest.raises(ModelError, match="not a Parley text model"):
        TextClassifier.load(path)
    TextClassifier.load_default().save(path)
    state = joblib.load(path)
    state["normalizer_version"] = -1
    joblib.dump(state, path)
    with pytest.raises(ModelError, match="normaliser"):
        TextClassifier.load(path)


def test_packaged_model_is_small_and_described(classifier: TextClassifier) -> None:
    from parley.moderation.classifier import default_model_path

    assert default_model_path().stat().st_size < 9_000_000
    posts, derived = training_sets()
    shipped = posts + derived
    assert classifier.metadata["examples"] == len(shipped)
    assert classifier.hidden is not None and classifier.hidden.quantised.dtype == np.int8
    json.dumps(classifier.metadata)
