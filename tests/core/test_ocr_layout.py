"""Who said what, from recognised lines (journal.core.ocr.layout): no engine needed here."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from journal.core.ocr.layout import is_time_stamp, read_layout

WHITE = [255, 255, 255]
GREEN = [149, 236, 105]
GREY = [237, 237, 237]


def line(text: str, x0: int, y0: int, x1: int, colour: list[int], h: int = 28) -> dict[str, Any]:
    return {"text": text, "box": [x0, y0, x1, y0 + h], "score": 0.99, "colour": colour}


def answer(*lines: dict[str, Any], width: int = 720, height: int = 1280) -> dict[str, Any]:
    return {"width": width, "height": height, "lines": list(lines), "exif": {}}


REF = datetime(2024, 3, 10, 12, 0).astimezone()


def test_left_lines_are_the_other_side_and_right_lines_the_user() -> None:
    pic = read_layout(answer(
        line("张经理", 310, 30, 410, GREY),
        line("明天到港口拍照", 120, 180, 400, WHITE),
        line("Why?", 520, 260, 600, GREEN),
    ), reference=REF)
    assert pic.header == "张经理"
    assert [(b.side, b.text) for b in pic.bubbles] == [("other", "明天到港口拍照"), ("me", "Why?")]


def test_a_short_second_line_stays_in_its_bubble_on_the_right() -> None:
    pic = read_layout(answer(
        line("What kind of photos do you need", 160, 200, 600, GREEN),
        line("exactly?", 160, 240, 270, GREEN),
        line("Ships.", 120, 330, 220, WHITE),
    ), reference=REF)
    assert [(b.side, b.text) for b in pic.bubbles] == [
        ("me", "What kind of photos do you need exactly?"), ("other", "Ships.")]


def test_chinese_lines_of_one_bubble_join_without_a_space() -> None:
    pic = read_layout(answer(
        line("你好，想请你做一份兼职，每周去", 120, 200, 560, WHITE),
        line("港口拍几张照片", 120, 240, 330, WHITE),
    ), reference=REF)
    assert [b.text for b in pic.bubbles] == ["你好，想请你做一份兼职，每周去港口拍几张照片"]


def test_a_bubble_as_wide_as_the_screen_is_told_by_its_colour() -> None:
    pic = read_layout(answer(
        line("短的", 120, 200, 220, WHITE),
        line("a long message from the user that fills the whole row", 100, 300, 620, GREEN),
        line("a long message from the other side filling the row", 100, 400, 620, WHITE),
    ), reference=REF)
    assert [b.side for b in pic.bubbles] == ["other", "me", "other"]


def test_time_stamps_date_the_bubbles_below_them() -> None:
    pic = read_layout(answer(
        line("昨天 14:32", 310, 150, 410, GREY, h=22),
        line("在吗", 120, 200, 200, WHITE),
        line("2024年3月5日 09:15", 260, 300, 460, GREY, h=22),
        line("在", 560, 350, 600, GREEN),
        line("15:10", 335, 450, 385, GREY, h=22),
        line("好", 120, 500, 160, WHITE),
    ), reference=REF)
    assert [b.sent_at.replace(tzinfo=None) if b.sent_at else None for b in pic.bubbles] == [
        datetime(2024, 3, 9, 14, 32), datetime(2024, 3, 5, 9, 15), datetime(2024, 3, 5, 15, 10)]


def test_bubbles_above_every_time_stamp_have_no_time() -> None:
    pic = read_layout(answer(line("在吗", 120, 200, 200, WHITE)), reference=REF)
    assert pic.bubbles[0].sent_at is None


def test_the_phone_clock_in_the_status_bar_is_not_the_header_nor_a_stamp() -> None:
    pic = read_layout(answer(
        line("9:41", 20, 5, 80, GREY, h=20),
        line("Director Zhang", 260, 40, 460, GREY),
        line("hello", 120, 200, 220, WHITE),
    ), reference=REF)
    assert pic.header == "Director Zhang"
    assert pic.stamps == []


def test_a_page_of_text_is_not_a_chat() -> None:
    page = [line(f"This is line {i} of a printed page that runs across it", 30, 200 + i * 40,
                 690, WHITE) for i in range(10)]
    assert read_layout(answer(*page), reference=REF).bubbles == []


def test_a_picture_without_text_is_not_a_chat() -> None:
    assert read_layout(answer(), reference=REF).bubbles == []


def test_low_confidence_noise_is_left_out() -> None:
    noisy = line("~~~", 120, 200, 200, WHITE)
    noisy["score"] = 0.2
    assert read_layout(answer(noisy), reference=REF).bubbles == []


def test_time_stamp_forms() -> None:
    for text in ("14:32", "昨天 14:32", "昨天14:32", "2024年3月5日 14:32", "3月5日 下午2:32",
                 "星期二 14:32", "Yesterday 14:32", "2024-03-05 14:32", "下午 2:32", "昨天"):
        assert is_time_stamp(text), text
    for text in ("好的", "¥2000", "wxid_abc123", "明天下午三点", "14", ""):
        assert not is_time_stamp(text), text


def test_an_id_or_address_broken_over_two_lines_is_joined_whole_and_words_keep_their_space() -> None:
    pic = read_layout(answer(
        line("加我微信wxid_abc1", 120, 200, 500, WHITE),
        line("23，Send them to zhang.sea@exampl", 120, 240, 560, WHITE),
        line("e.com and don't tell", 120, 280, 400, WHITE),
        line("anyone", 120, 320, 220, WHITE),
    ), reference=REF)
    assert [b.text for b in pic.bubbles] == [
        "加我微信wxid_abc123，Send them to zhang.sea@example.com and don't tell anyone"]
