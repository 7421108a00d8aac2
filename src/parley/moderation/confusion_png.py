"""A confusion-matrix picture drawn with Pillow alone (no plotting library needed)."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

from parley.moderation.metrics import Evaluation

_CELL = 64
_MARGIN_LEFT = 150
_MARGIN_TOP = 130


def draw_confusion(evaluation: Evaluation, *, title: str = "") -> bytes:
    """PNG bytes: rows are true labels, columns predicted; shade by share of the row."""
    labels = evaluation.labels
    n = len(labels)
    width = _MARGIN_LEFT + n * _CELL + 20
    height = _MARGIN_TOP + n * _CELL + 60
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=13)
    small = ImageFont.load_default(size=11)
    caption = title or (f"macro-F1 {evaluation.macro_f1:.3f}   none FPR {evaluation.none_fpr:.3%}")
    draw.text((10, 10), caption, fill="black", font=font)
    draw.text((_MARGIN_LEFT, 32), "predicted (columns)", fill="gray", font=small)
    draw.text((10, _MARGIN_TOP - 20), "true (rows)", fill="gray", font=small)
    for j, label in enumerate(labels):
        column = Image.new("RGBA", (100, 18), (255, 255, 255, 0))
        ImageDraw.Draw(column).text((0, 0), label, fill="black", font=small)
        rotated = column.rotate(60, expand=True)
        image.paste(rotated, (_MARGIN_LEFT + j * _CELL + 10, 36), rotated)
    for i, label in enumerate(labels):
        row_total = int(evaluation.confusion[i].sum())
        y = _MARGIN_TOP + i * _CELL
        draw.text((10, y + _CELL // 2 - 7), label, fill="black", font=font)
        for j in range(n):
            count = int(evaluation.confusion[i, j])
            share = count / row_total if row_total else 0.0
            x = _MARGIN_LEFT + j * _CELL
            shade = int(255 - 200 * share)
            color = (shade, shade, 255) if i == j else (255, shade, shade)
            draw.rectangle([x, y, x + _CELL - 2, y + _CELL - 2], fill=color, outline="#ccc")
            text = str(count)
            box = draw.textbbox((0, 0), text, font=font)
            draw.text(
                (x + (_CELL - box[2]) // 2, y + (_CELL - box[3]) // 2),
                text,
                fill="black",
                font=font,
            )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
