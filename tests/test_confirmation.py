"""Confirmation by phone: the order of what needs a call, and the stale report."""

from __future__ import annotations

from datetime import date

from pwa.confirmation import attention_order, months_before, stale


def test_months_before_keeps_the_day_or_takes_the_shorter_months_last():
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2026, 1, 15), 12) == date(2025, 1, 15)
    assert months_before(date(2024, 2, 29), 12) == date(2023, 2, 28)


def test_never_confirmed_first_then_longest_ago():
    docs = [
        {"id": "b", "checked": "2025-06-01"},
        {"id": "c"},
        {"id": "a", "checked": "2024-01-01"},
        {"id": "d", "checked": None},
        {"id": "e", "checked": 20240101},  # a hand edit: not a date, so as good as never
    ]
    assert [d["id"] for d in attention_order(docs)] == ["c", "d", "e", "a", "b"]


def test_stale_lists_never_and_long_ago_confirmed_entries():
    docs = [{"id": "new", "checked": "2026-02-01"}, {"id": "old", "checked": "2025-01-31"}, {"id": "never"}]
    assert [d["id"] for d in stale(docs, date(2026, 3, 1))] == ["never", "old"]
    assert [d["id"] for d in stale(docs, date(2026, 3, 2), months=1)] == ["never", "old", "new"]
