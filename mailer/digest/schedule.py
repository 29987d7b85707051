"""When the weekly digest is due, and what a worker does about it.  Pure: the clock is an argument.

A period is the ISO week (in the digest's time zone) of its scheduled moment,
e.g. ``2025-W23``; the ledger (``digests``) has one row per period.  What a
worker does is a table of (ledger state, still worth sending) → :class:`Action`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from enum import StrEnum
from zoneinfo import ZoneInfo

from mailer.settings import WEEKDAYS, DigestSettings


@dataclass(frozen=True)
class Schedule:
    weekday: int          # 0 = Monday
    at: time
    zone: ZoneInfo

    @classmethod
    def of(cls, settings: DigestSettings) -> Schedule:
        hours, _, minutes = settings.time.partition(":")
        return cls(WEEKDAYS.index(settings.weekday), time(int(hours), int(minutes)), ZoneInfo(settings.timezone))

    def cron_fields(self) -> dict:
        """The same moment for APScheduler's CronTrigger."""
        return {"day_of_week": WEEKDAYS[self.weekday], "hour": self.at.hour, "minute": self.at.minute,
                "timezone": self.zone}


@dataclass(frozen=True)
class Occurrence:
    period: str               # "2025-W23"
    at: datetime              # naive UTC, the form the database keeps


def _on(day: date, schedule: Schedule) -> datetime:
    local = datetime.combine(day, schedule.at, tzinfo=schedule.zone)
    return local.astimezone(timezone.utc).replace(tzinfo=None)


def period_of(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def latest(now: datetime, schedule: Schedule) -> Occurrence:
    """The last scheduled moment at or before *now* (naive UTC) and its period."""
    local = now.replace(tzinfo=timezone.utc).astimezone(schedule.zone)
    day = local.date() - timedelta(days=(local.weekday() - schedule.weekday) % 7)
    if _on(day, schedule) > now:
        day -= timedelta(days=7)
    return Occurrence(period_of(day), _on(day, schedule))


def following(occurrence: Occurrence, schedule: Schedule) -> Occurrence:
    """The next week's occurrence."""
    local = occurrence.at.replace(tzinfo=timezone.utc).astimezone(schedule.zone)
    day = local.date() + timedelta(days=7)
    return Occurrence(period_of(day), _on(day, schedule))


class Action(StrEnum):
    START = "start"          # prepare this period's digest and send it
    RESUME = "resume"        # it was started: send to whoever has not had it yet
    MISS = "miss"            # too late to be worth sending: record that, send nothing
    NOTHING = "nothing"      # already sent (or already recorded as missed)


# (ledger state of the period's digest, None when there is no row; still within catch_up_hours) → action.
# A started digest is finished even past the catch-up window: only the next period's start closes it.
ACTIONS: dict[tuple[str | None, bool], Action] = {
    (None, True): Action.START,
    (None, False): Action.MISS,
    ("sending", True): Action.RESUME,
    ("sending", False): Action.RESUME,
    ("sent", True): Action.NOTHING,
    ("sent", False): Action.NOTHING,
    ("missed", True): Action.NOTHING,
    ("missed", False): Action.NOTHING,
    ("incomplete", True): Action.NOTHING,
    ("incomplete", False): Action.NOTHING,
}


def decide(state: str | None, occurrence: Occurrence, now: datetime, catch_up_hours: int) -> Action:
    """What to do about *occurrence* at *now*, given its ledger state."""
    in_time = now - occurrence.at <= timedelta(hours=catch_up_hours)
    return ACTIONS[(state, in_time)]
