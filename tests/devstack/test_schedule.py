"""Scheduler expressions, and firing a schedule the way EventBridge Scheduler would."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from devstack.resources import ScheduleSpec
from devstack.schedule import ScheduleError, Scheduler, next_fire

NOW = dt.datetime(2026, 11, 26, 7, 3, 30, tzinfo=dt.UTC)  # a Thursday


@pytest.mark.parametrize(
    ("expression", "timezone", "expected"),
    [
        ("cron(0 */6 * * ? *)", "UTC", dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)),
        ("cron(30 8 ? * MON-FRI *)", "UTC", dt.datetime(2026, 11, 26, 8, 30, tzinfo=dt.UTC)),
        ("cron(0 10 ? * SAT,SUN *)", "UTC", dt.datetime(2026, 11, 28, 10, 0, tzinfo=dt.UTC)),
        ("cron(0 0 1 JAN ? *)", "UTC", dt.datetime(2027, 1, 1, 0, 0, tzinfo=dt.UTC)),
        ("cron(0/15 * * * ? *)", "UTC", dt.datetime(2026, 11, 26, 7, 15, tzinfo=dt.UTC)),
        ("cron(0 9 * * ? *)", "Europe/Moscow", dt.datetime(2026, 11, 27, 6, 0, tzinfo=dt.UTC)),
        ("rate(5 minutes)", "UTC", NOW + dt.timedelta(minutes=5)),
        ("rate(1 hour)", "UTC", NOW + dt.timedelta(hours=1)),
        ("at(2030-01-01T00:00:00)", "UTC", dt.datetime(2030, 1, 1, tzinfo=dt.UTC)),
        ("at(2020-01-01T00:00:00)", "UTC", None),
    ],
)
def test_next_fire(expression: str, timezone: str, expected: dt.datetime | None) -> None:
    assert next_fire(expression, NOW, timezone) == expected


def test_the_templates_schedule_parses() -> None:
    from devstack.template import transformed

    template = transformed()
    default = template["Parameters"]["SyncSchedule"]["Default"]
    assert next_fire(default, NOW) is not None


@pytest.mark.parametrize(
    "expression",
    [
        "cron(0 0 * * * *)",
        "cron(0 0 L * ? *)",
        "cron(0 0 ? * 6#3 *)",
        "cron(1 2 3)",
        "rate(5 fortnights)",
        "every day",
    ],
)
def test_unsupported_or_invalid_expressions_are_errors(expression: str) -> None:
    with pytest.raises(ScheduleError):
        next_fire(expression, NOW)


def test_scheduler_fires_the_target_when_due() -> None:
    fired = threading.Event()
    seen: list[ScheduleSpec] = []
    spec = ScheduleSpec(
        "S", "s", "default", "rate(1 minute)", "UTC", "arn:aws:states:x:1:stateMachine:m", "{}", True
    )
    clock = [NOW]

    def fire(schedule: ScheduleSpec) -> None:
        seen.append(schedule)
        fired.set()

    def tick() -> dt.datetime:
        clock[0] += dt.timedelta(seconds=30)  # time runs fast: due after two reads
        return clock[0]

    scheduler = Scheduler((spec,), fire, clock=tick, poll_seconds=0.01)
    scheduler.start()
    try:
        assert fired.wait(5)
    finally:
        scheduler.stop()
    assert seen[0] is spec


def test_disabled_schedules_do_not_fire() -> None:
    spec = ScheduleSpec("S", "s", "default", "rate(1 minute)", "UTC", "arn", None, False)
    assert Scheduler((spec,), lambda s: None).upcoming() == []
