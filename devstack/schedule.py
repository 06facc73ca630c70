"""EventBridge Scheduler expressions, and firing schedules the way Scheduler would (moto never does).

Supported: `rate(<n> minute|minutes|hour|hours|day|days)`, `at(yyyy-mm-ddThh:mm:ss)` and
`cron(minutes hours day-of-month month day-of-week year)` with `*`, `?`, lists, ranges, steps,
month and weekday names (day-of-week 1-7 = SUN-SAT, as in AWS). `L`, `W` and `#` are rejected with
a clear error rather than guessed. Times are evaluated in the schedule's timezone.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from devstack.resources import ScheduleSpec

log = logging.getLogger("devstack.schedule")

_MONTH_NAMES = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, 1)}
_DAYS = {d: i for i, d in enumerate(["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"], 1)}
_RATE = re.compile(r"^rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)$")
_UNITS = {"minute": 60, "hour": 3600, "day": 86400}


class ScheduleError(ValueError):
    pass


def _field(text: str, low: int, high: int, names: dict[str, int] | None = None) -> frozenset[int] | None:
    """The set of values a cron field allows; None means "any" (`*` or `?`)."""
    if text in ("*", "?"):
        return None
    if any(c in text for c in "LW#"):
        raise ScheduleError(f"cron field {text!r}: L, W and # are not supported locally")
    values: set[int] = set()
    for part in text.split(","):
        base, _, step_text = part.partition("/")
        step = int(step_text) if step_text else 1
        if base == "*":
            start, end = low, high
        elif "-" in base:
            a, b = base.split("-", 1)
            start, end = _value(a, names), _value(b, names)
        else:
            start = _value(base, names)
            end = high if step_text else start
        if not (low <= start <= high and low <= end <= high) or step < 1:
            raise ScheduleError(f"cron field {text!r} is out of range {low}-{high}")
        values.update(range(start, end + 1, step))
    return frozenset(values)


def _value(text: str, names: dict[str, int] | None) -> int:
    key = text.upper()
    if names and key in names:
        return names[key]
    return int(text)


@dataclass(frozen=True)
class Cron:
    minutes: frozenset[int] | None
    hours: frozenset[int] | None
    days: frozenset[int] | None
    months: frozenset[int] | None
    weekdays: frozenset[int] | None  # 1 = Sunday
    years: frozenset[int] | None

    @classmethod
    def parse(cls, body: str) -> Cron:
        parts = body.split()
        if len(parts) != 6:
            raise ScheduleError(f"cron({body}) needs 6 fields")
        minute, hour, dom, month, dow, year = parts
        if dom != "?" and dow != "?":  # as AWS: at most one of the two may restrict the day
            raise ScheduleError("cron: one of day-of-month and day-of-week must be '?'")
        return cls(
            _field(minute, 0, 59),
            _field(hour, 0, 23),
            _field(dom, 1, 31),
            _field(month, 1, 12, _MONTHS),
            _field(dow, 1, 7, _DAYS),
            _field(year, 1970, 2199),
        )

    def _day_matches(self, day: dt.date) -> bool:
        weekday = (day.isoweekday() % 7) + 1  # Monday=1..Sunday=7 → Sunday=1..Saturday=7
        return (
            (self.years is None or day.year in self.years)
            and (self.months is None or day.month in self.months)
            and (self.days is None or day.day in self.days)
            and (self.weekdays is None or weekday in self.weekdays)
        )

    def next_after(self, after: dt.datetime) -> dt.datetime:
        """The first matching minute strictly after `after` (aware datetime, in its timezone)."""
        start = after.replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
        hours = sorted(self.hours) if self.hours is not None else range(24)
        minutes = sorted(self.minutes) if self.minutes is not None else range(60)
        day = start.date()
        for _ in range(366 * 5):
            if self._day_matches(day):
                for hour in hours:
                    for minute in minutes:
                        candidate = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=after.tzinfo)
                        if candidate >= start:
                            return candidate
            day += dt.timedelta(days=1)
        raise ScheduleError("cron expression never fires in the next five years")


def next_fire(expression: str, after: dt.datetime, timezone: str = "UTC") -> dt.datetime | None:
    """When a schedule fires next after `after` (UTC-aware result), or None if it never will."""
    zone = ZoneInfo(timezone or "UTC")
    local = after.astimezone(zone)
    expression = expression.strip()
    if expression.startswith("cron(") and expression.endswith(")"):
        return Cron.parse(expression[5:-1]).next_after(local).astimezone(dt.UTC)
    rate = _RATE.match(expression)
    if rate:
        seconds = int(rate.group(1)) * _UNITS[rate.group(2).rstrip("s")]
        return after + dt.timedelta(seconds=seconds)
    if expression.startswith("at(") and expression.endswith(")"):
        when = dt.datetime.fromisoformat(expression[3:-1]).replace(tzinfo=zone)
        return when.astimezone(dt.UTC) if when > local else None
    raise ScheduleError(f"unsupported schedule expression {expression!r}")


Fire = Callable[[ScheduleSpec], None]


def fire_to_state_machine(sfn_client: object) -> Fire:
    """What Scheduler does for a Step Functions target: StartExecution with the target's Input."""

    def fire(schedule: ScheduleSpec) -> None:
        if ":states:" not in schedule.target_arn:
            log.warning(
                "schedule %s targets %s: only Step Functions targets fire locally",
                schedule.name,
                schedule.target_arn,
            )
            return
        started = sfn_client.start_execution(  # type: ignore[attr-defined]
            stateMachineArn=schedule.target_arn, input=schedule.input or "{}"
        )
        log.info("schedule %s fired: %s", schedule.name, started["executionArn"])

    return fire


class Scheduler:
    """A thread per schedule that sleeps until the next fire time and fires."""

    def __init__(
        self,
        schedules: tuple[ScheduleSpec, ...],
        fire: Fire,
        clock: Callable[[], dt.datetime] | None = None,
        poll_seconds: float = 30.0,
    ) -> None:
        self._schedules = [s for s in schedules if s.enabled]
        self._fire = fire
        self._clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self._poll = poll_seconds
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def upcoming(self) -> list[tuple[ScheduleSpec, dt.datetime | None]]:
        now = self._clock()
        return [(s, next_fire(s.expression, now, s.timezone)) for s in self._schedules]

    def start(self) -> None:
        for schedule in self._schedules:
            thread = threading.Thread(
                target=self._run, args=(schedule,), name=f"schedule-{schedule.name}", daemon=True
            )
            thread.start()
            self._threads.append(thread)

    def _run(self, schedule: ScheduleSpec) -> None:
        while not self._stop.is_set():
            when = next_fire(schedule.expression, self._clock(), schedule.timezone)
            if when is None:
                return
            while not self._stop.is_set():
                remaining = (when - self._clock()).total_seconds()
                if remaining <= 0:
                    break
                self._stop.wait(min(remaining, self._poll))  # re-check: the machine may have slept
            if self._stop.is_set():
                return
            try:
                self._fire(schedule)
            except Exception:
                log.exception("schedule %s failed to fire", schedule.name)

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=2)
