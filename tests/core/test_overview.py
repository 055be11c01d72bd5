"""The overview's data and layout, over real journals: the two cases of the public article (Liu,
Wang), the innocent journals, and small journals made for one question each."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from journal.core.models import EntryDraft
from journal.core.overview import SENSITIVITY, overview_data, request_level
from journal.core.overview.data import choose_unit, make_buckets
from journal.core.overview.scene import build_scene
from journal.core.report.options import ReportOptions

CST = timezone(timedelta(hours=8))


def _cases() -> Any:
    name = "signs_cases_for_overview"
    if name in sys.modules:
        return sys.modules[name]
    path = Path(__file__).resolve().parent / "test_signs_cases.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


cases = _cases()


def _add(j: Any, kind: str, when: datetime, summary: str, **fields: Any) -> str:
    return j.add_entry(EntryDraft(kind=kind, occurred_at=when, precision="exact",
                                  summary=summary, **fields)).id


# ------------------------------------------------------------------ time buckets
def test_unit_is_days_for_weeks_weeks_for_months_months_for_years() -> None:
    d0 = date(2024, 3, 1)
    assert choose_unit(d0, d0 + timedelta(days=20)) == "day"
    assert choose_unit(d0, d0 + timedelta(days=62)) == "day"
    assert choose_unit(d0, d0 + timedelta(days=63)) == "week"
    assert choose_unit(d0, d0 + timedelta(days=300)) == "week"
    assert choose_unit(d0, d0 + timedelta(days=800)) == "month"


def test_week_buckets_start_on_monday_and_month_buckets_on_the_first() -> None:
    weeks = make_buckets(date(2024, 3, 6), date(2024, 3, 20), "week")  # a Wednesday
    assert [b.start for b in weeks] == [date(2024, 3, 4), date(2024, 3, 11), date(2024, 3, 18)]
    months = make_buckets(date(2023, 11, 30), date(2024, 2, 1), "month")
    assert [b.start for b in months] == [date(2023, 11, 1), date(2023, 12, 1), date(2024, 1, 1),
                                         date(2024, 2, 1)]
    assert months[-1].end == date(2024, 3, 1)


def test_liu_case_is_drawn_day_by_day_with_counts_per_lane(journal: Any) -> None:
    cases.build_in_journal(journal, cases.LIU)
    data = overview_data(journal, "en")
    assert data.unit == "day"
    assert data.start == date(2024, 3, 1)
    assert len(data.buckets) == 31  # day 0 to day 30
    assert data.total == 11
    assert data.totals == {"contact": 4, "request": 2, "money": 4}
    assert data.buckets[0].counts == {"contact": 1}
    assert data.buckets[20].counts == {"money": 1}  # the gift on day 20


def test_a_journal_over_two_years_is_drawn_month_by_month(journal: Any) -> None:
    start = datetime(2022, 1, 15, 10, 0, tzinfo=CST)
    for n in range(0, 801, 100):  # 800 days: more than two years
        _add(journal, "contact", start + timedelta(days=n), f"chat {n}")
    data = overview_data(journal, "en")
    assert data.unit == "month"
    assert data.buckets[0].start == date(2022, 1, 1)
    assert sum(b.counts.get("contact", 0) for b in data.buckets) == 9


def test_entries_in_one_week_bucket_are_counted_together(journal: Any) -> None:
    start = datetime(2024, 1, 1, 10, 0, tzinfo=CST)  # a Monday
    ids = [_add(journal, "contact", start + timedelta(days=d), f"chat on day {d}")
           for d in (0, 2, 6)]
    _add(journal, "contact", start + timedelta(days=100), "much later")
    data = overview_data(journal, "en")
    assert data.unit == "week"
    first = data.buckets[0]
    assert first.counts["contact"] == 3
    assert first.first["contact"].id == ids[0]


# ------------------------------------------------------------------ requests and escalation
@pytest.mark.parametrize(("text", "level"), [
    ("Photograph tourists and yachts in the scenic area", "harmless"),
    ("拍海边的风景和日落", "harmless"),
    ("Copy the internal documents of your lab and the staff list", "personal_data"),
    ("拷贝实验室的内部资料", "personal_data"),
    ("Take pictures of the cranes at the container port", "sensitive_place"),
    ("去机场拍飞机起降", "sensitive_place"),
    ("Photograph military ships coming in and out", "military"),
    ("拍摄军用飞机和军舰", "military"),
    ("Collect information about the city government offices", "military"),
])
def test_request_target_sensitivity_in_both_languages(text: str, level: str) -> None:
    assert SENSITIVITY[request_level(text)] == level


def test_liu_requests_escalate_from_yachts_to_warships(journal: Any) -> None:
    ids = cases.build_in_journal(journal, cases.LIU)
    data = overview_data(journal, "en")
    assert [(SENSITIVITY[level], ref.id) for level, ref in data.escalation] == [
        ("harmless", ids["L04"]), ("military", ids["L06"])]
    day6, day12 = data.buckets[6], data.buckets[12]
    assert [(r.level, r.entry.id) for r in day6.requests] == [(0, ids["L04"])]
    assert [(r.level, r.entry.id) for r in day12.requests] == [(3, ids["L06"])]


def test_wang_requests_escalate_from_boats_to_military_aircraft(journal: Any) -> None:
    ids = cases.build_in_journal(journal, cases.WANG)
    data = overview_data(journal, "zh")
    assert [(SENSITIVITY[level], ref.id) for level, ref in data.escalation] == [
        ("harmless", ids["W03"]), ("military", ids["W05"])]


@pytest.mark.parametrize("case", ["innocent-tutoring", "innocent-friendship", "innocent-parcel"])
def test_innocent_journals_show_no_sensitive_request_no_overseas_app_no_present_sign(
        journal: Any, case: str) -> None:
    cases.build_in_journal(journal, cases.BY_NAME[case])
    data = overview_data(journal, "en")
    assert all(level < 2 for level, _ref in data.escalation)
    assert not any(c.overseas for c in data.channels)
    assert [m.sign_id for m in data.signs if m.level == "present"] == []


# ------------------------------------------------------------------ money
def test_liu_money_received_adds_up_over_time_payments_and_gifts(journal: Any) -> None:
    cases.build_in_journal(journal, cases.LIU)
    data = overview_data(journal, "en")
    cny = [b.received.get("CNY", Decimal(0)) for b in data.buckets]
    assert cny[4] == 0
    assert cny[7] == 300
    assert cny[14] == 1100
    assert cny[20] == 7600  # the phone and scooter (gift value 6,500)
    assert cny[-1] == 12100
    assert cny == sorted(cny)  # cumulative: never goes down
    assert data.received == {"CNY": Decimal(12100)}


def test_currencies_cny_first_then_by_amount(journal: Any) -> None:
    when = datetime(2024, 5, 1, 12, 0, tzinfo=CST)
    _add(journal, "payment", when, "dollars", amount=Decimal(5000), currency="USD",
         method="bank", direction="received")
    _add(journal, "payment", when + timedelta(days=1), "yuan", amount=Decimal(10),
         currency="CNY", method="wechat", direction="received")
    _add(journal, "payment", when + timedelta(days=2), "euros", amount=Decimal(20),
         currency="EUR", method="bank", direction="received")
    _add(journal, "payment", when + timedelta(days=3), "I paid", amount=Decimal(999),
         currency="CNY", method="wechat", direction="sent")
    data = overview_data(journal, "en")
    assert data.currencies == ["CNY", "USD", "EUR"]
    assert data.received == {"CNY": Decimal(10), "USD": Decimal(5000), "EUR": Decimal(20)}


# ------------------------------------------------------------------ channels and signs
def test_liu_channel_switch_is_the_first_entry_on_telegram(journal: Any) -> None:
    ids = cases.build_in_journal(journal, cases.LIU)
    data = overview_data(journal, "en")
    assert [(c.channel, c.entry.id, c.overseas, c.first) for c in data.channels] == [
        ("Momo", ids["L01"], False, True), ("Telegram", ids["L07"], True, False)]


def test_channels_differing_only_in_case_are_one_app(journal: Any) -> None:
    when = datetime(2024, 5, 1, 12, 0, tzinfo=CST)
    first = _add(journal, "contact", when, "hello", channel="WeChat")
    _add(journal, "contact", when + timedelta(days=1), "again", channel="wechat ")
    data = overview_data(journal, "en")
    assert [(c.channel, c.entry.id) for c in data.channels] == [("WeChat", first)]


def test_liu_each_sign_first_appears_where_the_pattern_shows(journal: Any) -> None:
    ids = cases.build_in_journal(journal, cases.LIU)
    data = overview_data(journal, "en")
    first = {m.sign_id: m.entry.id for m in data.signs if m.level == "present"}
    assert first == {
        "WS-FAST-INTIMACY": ids["L02"],  # the first intimate entry, not the first contact
        "WS-JOB-OFFER": ids["L03"],
        "WS-PHOTO-TASK": ids["L03"],
        "WS-ESCALATION": ids["L06"],  # the first military target, not the harmless one before
        "WS-CHANNEL-SWITCH": ids["L07"],
        "WS-SECRECY": ids["L07"],
        "WS-DEVICE-GIFT": ids["L09"],
        "WS-UNUSUAL-PAYMENT": ids["L04"],
        "WS-PAID-HOUSING": ids["L10"],
    }
    days = [m.entry.when for m in data.signs]
    assert days == sorted(days)
    assert data.signs[0].title in ("A relationship that became intimate very fast",
                                   "An identity you cannot check")


def test_signs_handed_in_are_not_evaluated_again(journal: Any) -> None:
    cases.build_in_journal(journal, cases.LIU)
    assert overview_data(journal, "en", signs=[]).signs == []
    assert not overview_data(journal, "en", signs=[]).signs_pending


# ------------------------------------------------------------------ selection, deletion, empty
def test_selection_since_keeps_only_later_entries(journal: Any) -> None:
    ids = cases.build_in_journal(journal, cases.LIU)
    data = overview_data(journal, "en", selection=ReportOptions(since=date(2024, 3, 14)))
    assert data.start == date(2024, 3, 14)
    assert data.channels[0].entry.id == ids["L07"]
    assert data.received == {"CNY": Decimal(11800)}


def test_deleted_entries_are_left_out(journal: Any) -> None:
    ids = cases.build_in_journal(journal, cases.LIU)
    journal.delete_entry(ids["L06"])
    data = overview_data(journal, "en")
    assert [level for level, _ref in data.escalation] == [0]
    assert data.total == 10


def test_an_empty_journal_gives_an_empty_picture_with_a_sentence(journal: Any) -> None:
    data = overview_data(journal, "zh")
    assert data.empty and data.buckets == [] and data.unit == ""
    scene = build_scene(data, 600, 400)
    assert scene.texts() == ["还没有记录：写下第一条后，这里会出现图示。"]
    assert scene.hits == []


# ------------------------------------------------------------------ counterparts
def test_counterparts_group_handles_by_app_with_first_and_last_contact(journal: Any) -> None:
    from journal.core.models import Handle

    ids = cases.build_in_journal(journal, cases.LIU)
    pid = ids["xm"]
    journal.update_person(pid, handles=[Handle("wechat", "xm_2024"), Handle("telegram", "@xm"),
                                        Handle("wechat", "xm_backup")])
    data = overview_data(journal, "en")
    (xm,) = data.counterparts
    assert xm.handles == [("wechat", ["xm_2024", "xm_backup"]), ("telegram", ["@xm"])]
    assert (xm.first.id, xm.last.id) == (ids["L01"], ids["L10"])  # type: ignore[union-attr]
    assert (xm.entries, xm.requests) == (10, 2)
    # money received, and the gifts' estimated value apart (12,100 together)
    assert xm.received == {"CNY": Decimal(5600)} and xm.gifts == {"CNY": Decimal(6500)}
    assert xm.channels == ["Momo", "Telegram"]


def test_the_teacher_is_listed_after_the_other_side(journal: Any) -> None:
    cases.build_in_journal(journal, cases.WANG)
    teacher = journal.add_person("李老师", role="辅导员")
    _add(journal, "meeting", datetime(2024, 2, 1, 9, 0, tzinfo=CST), "talked to my counsellor",
         persons=[teacher.id])
    data = overview_data(journal, "zh")
    assert [(c.name, c.trusted) for c in data.counterparts] == [("张主任", False),
                                                                 ("李老师", True)]


# ------------------------------------------------------------------ the scene
def test_scene_labels_follow_the_language_and_marks_lead_to_entries(journal: Any) -> None:
    ids = cases.build_in_journal(journal, cases.LIU)
    zh = build_scene(overview_data(journal, "zh"), 900, 520)
    texts = zh.texts()
    for label in ("联系", "要求", "钱款与礼物", "警示信号", "→ Telegram", "12,100 CNY"):
        assert label in texts
    en = build_scene(overview_data(journal, "en"), 900, 520)
    assert {"Contacts", "Requests", "Money and gifts", "→ Telegram"} <= set(en.texts())
    military = [h for h in en.hits if h.entry.id == ids["L06"]
                and h.what == "Requests · military or government"]
    assert len(military) == 1
    h = military[0]
    assert en.hit_at(h.x + h.w / 2, h.y + h.h / 2) is h
    assert en.hit_at(1, 1) is None


def test_scene_fits_its_size_at_800_by_600_and_wide(journal: Any) -> None:
    cases.build_in_journal(journal, cases.LIU)
    data = overview_data(journal, "en")
    for w, h in ((560, 360), (1300, 700)):
        scene = build_scene(data, w, h)
        for s in scene.shapes:
            if s.kind in ("marker", "rect"):
                assert -1 <= s.x <= w + 1 and -1 <= s.y <= h + 1, s


# ------------------------------------------------------------------ reading little
def test_channels_and_people_are_read_from_the_overview_index(journal: Any,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    """Schema v3's (id, time, kind, channel) index serves the channel and per-person queries, so
    they read no wide entry rows."""
    from journal.core.overview import query as overview_query

    cases.build_in_journal(journal, cases.LIU)
    plans: list[str] = []
    real = overview_query.rows

    def explained(j: Any, sql: str, params: Any = ()) -> list[Any]:
        if "channel" in sql and "GROUP BY" in sql:
            plans.append(" ".join(str(tuple(r)[3]) for r in
                                  j.db.rows("EXPLAIN QUERY PLAN " + sql, params)))
        return real(j, sql, params)

    monkeypatch.setattr(overview_query, "rows", explained)
    overview_data(journal, "en", signs=[])
    assert len(plans) == 2
    assert all("USING INDEX entries_overview" in p for p in plans), plans


# ------------------------------------------------------------------ many buckets, little room
def _ten_years_monthly(j: Any) -> list[str]:
    start = datetime(2015, 1, 10, 20, 0, tzinfo=CST)
    ids = []
    for m in range(120):
        when = start + timedelta(days=30.5 * m)
        ids.append(_add(j, "contact", when, f"chat {m}", channel="WeChat"))
        if m % 3 == 0:
            ids.append(_add(j, "contact", when + timedelta(hours=2), f"call {m}"))
    return ids


def test_dense_buckets_share_columns_with_added_counts_and_the_period_on_hover(
        journal: Any) -> None:
    ids = _ten_years_monthly(journal)
    data = overview_data(journal, "en", signs=[])
    assert data.unit == "month" and len(data.buckets) >= 120
    narrow = build_scene(data, 700, 450)
    contacts = [h for h in narrow.hits if h.what.startswith("Contacts")]
    assert 10 < len(contacts) < 60  # columns of several months
    assert sum(h.count for h in contacts) == data.totals["contact"] == 160
    first = contacts[0]
    assert first.entry.id == ids[0] and first.count > 2
    assert first.what.startswith("Contacts (2015-01 – 2015-")
    assert any(s.startswith("one column per ") and s.endswith(" months") for s in narrow.texts())
    wide = build_scene(data, 4000, 450)
    per_month = [h for h in wide.hits if h.what.startswith("Contacts")]
    assert len(per_month) == len([b for b in data.buckets if b.counts.get("contact")])
    assert all(h.what == "Contacts" for h in per_month)
    assert "one column per month" in wide.texts()


def test_dense_columns_in_chinese_name_the_period_in_chinese(journal: Any) -> None:
    _ten_years_monthly(journal)
    scene = build_scene(overview_data(journal, "zh", signs=[]), 700, 450)
    hit = next(h for h in scene.hits if h.what.startswith("联系"))
    assert hit.what.startswith("联系（2015年1月–2015年")
    assert any(s.startswith("每列") and s.endswith("个月") for s in scene.texts())


@pytest.mark.parametrize(("n", "en", "zh"), [(950, "950", "950"), (1234, "1.2k", "1.2千"),
                                             (2000, "2k", "2千"), (12345, "12k", "1.2万")])
def test_counts_under_markers_are_short_in_both_languages(n: int, en: str, zh: str) -> None:
    from journal.core.overview.labels import short_count

    assert (short_count(n, "en"), short_count(n, "zh")) == (en, zh)


def test_the_window_groups_days_too_narrow_to_point_at(journal: Any) -> None:
    cases.build_in_journal(journal, cases.LIU)
    data = overview_data(journal, "zh", signs=[])
    assert data.unit == "day"
    for_print = build_scene(data, 420, 430, font=10)  # the PDF: every day its own column
    for_mouse = build_scene(data, 420, 430, font=10, min_bucket=12)
    days = [h for h in for_print.hits if h.what.startswith("联系")]
    columns = [h for h in for_mouse.hits if h.what.startswith("联系")]
    assert all(h.w < 12 for h in days) and all(h.w >= 12 for h in columns)
    assert sum(h.count for h in columns) == sum(h.count for h in days)
    assert "每列一天" in for_print.texts() and any(
        s.startswith("每列") and s.endswith("天") and s != "每列一天" for s in for_mouse.texts())


# ------------------------------------------------------------------ the legend's sign titles
def _legend_lines(scene: Any, hit: Any) -> list[str]:
    """The legend's text lines that stand in ``hit``'s area (one sign's item)."""
    return [s.text for s in scene.shapes if s.kind == "text" and s.text
            and hit.x <= s.x <= hit.x + hit.w and hit.y <= s.y <= hit.y + hit.h]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_long_sign_title_in_the_legend_wraps_whole_when_the_lanes_keep_their_room(
        journal: Any, lang: str) -> None:
    from journal.core.signs import evaluate_journal

    cases.build_in_journal(journal, cases.LIU)
    data = overview_data(journal, lang, signs=evaluate_journal(journal))
    scene = build_scene(data, 280, 900, font=12)
    legend = [h for h in scene.hits if h.legend]
    assert [h.what for h in legend] == [m.title for m in data.signs]
    wrapped = 0
    for hit, mark in zip(legend, data.signs, strict=True):
        lines = _legend_lines(scene, hit)
        assert not any("…" in x for x in lines)
        assert mark.title.replace(" ", "") in "".join(lines).replace(" ", "")
        wrapped += len(lines) > 1
    assert wrapped >= 1 and scene.legend_extra > 0


def test_with_no_room_to_wrap_a_legend_title_is_cut_and_its_area_keeps_the_whole_title(
        journal: Any) -> None:
    from journal.core.signs import evaluate_journal

    cases.build_in_journal(journal, cases.LIU)
    data = overview_data(journal, "en", signs=evaluate_journal(journal))
    scene = build_scene(data, 360, 330, font=12)
    legend = [h for h in scene.hits if h.legend]
    assert [h.what for h in legend] == [m.title for m in data.signs] and scene.legend_extra == 0
    cut = 0
    for hit, mark in zip(legend, data.signs, strict=True):
        lines = _legend_lines(scene, hit)
        assert len(lines) == 1
        label = f"{mark.title} ({mark.entry.day})"
        if lines[0] != label:
            assert lines[0].endswith("…") and label.startswith(lines[0].removesuffix("…"))
            cut += 1
    assert cut >= 1


def test_wrapping_breaks_at_a_space_or_before_a_chinese_aside_and_cuts_only_the_last_line() -> None:
    from journal.core.overview.labels import approx_width, wrap_text

    assert wrap_text("Tasks moving from harmless places (2024-03-20)", 20 * 5.6, 10,
                     approx_width, 3) == ["Tasks moving from", "harmless places", "(2024-03-20)"]
    assert wrap_text("任务从无害目标逐渐转向军事或政府目标（2024年3月20日）", 200, 10,
                     approx_width, 2) == ["任务从无害目标逐渐转向军事或政府目标", "（2024年3月20日）"]
    assert wrap_text("任务从无害目标逐渐转向军事或政府目标", 100, 10, approx_width, 1) == ["任务从无害目标逐渐…"]


def test_sign_markers_on_the_same_days_never_cover_one_another(journal: Any) -> None:
    """The demo's signs, several first showing on 5 and 6 March, in the window's picture at
    800 × 600 (565 × 470 pixels)."""
    from journal.core.crypto import FAST_PARAMS
    from journal.core.demo import build_demo
    from journal.core.signs import evaluate_journal

    demo = build_demo(journal.path.parent / "demo.ijournal", kdf=FAST_PARAMS, lang="en")
    try:
        data = overview_data(demo, "en", signs=evaluate_journal(demo))
    finally:
        demo.close()
    scene = build_scene(data, 565, 470, font=13, min_bucket=12)
    marks = [h for h in scene.hits if not h.legend and h.what in {m.title for m in data.signs}]
    assert len(marks) == len(data.signs) >= 10
    for k, a in enumerate(marks):
        for b in marks[k + 1:]:
            apart = (a.x + a.w <= b.x + 1e-6 or b.x + b.w <= a.x + 1e-6
                     or a.y + a.h <= b.y + 1e-6 or b.y + b.h <= a.y + 1e-6)
            assert apart, (a.what, b.what)



def _zhang_paid_and_gave(journal: Any) -> None:
    zhang = journal.add_person("张总")
    journal.add_entry(EntryDraft(kind="payment", summary="he paid for the photos", persons=[zhang.id],
                                 amount=Decimal(800), currency="CNY", method="wechat",
                                 direction="received"))
    journal.add_entry(EntryDraft(kind="gift", summary="he mailed me a phone", persons=[zhang.id],
                                 item="phone", value=Decimal(3000), currency="CNY"))


def test_the_people_box_counts_money_received_apart_from_the_gifts_value(journal: Any) -> None:
    from journal.core.overview import overview_people
    from journal.core.overview.texts import t

    _zhang_paid_and_gave(journal)
    data = overview_data(journal, "en")
    for person in (overview_people(journal, "en")[0], data.counterparts[0]):
        assert person.received == {"CNY": Decimal(800)}
        assert person.gifts == {"CNY": Decimal(3000)}
    # the picture's line adds both, and says so
    assert data.received == {"CNY": Decimal(3800)}
    assert t("overview.received", "en") == "money and gifts so far"
    assert t("overview.received", "zh") == "累计钱款与礼物"
