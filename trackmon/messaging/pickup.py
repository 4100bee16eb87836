"""How long a post office keeps a parcel, counted the way post offices count it (pure).

The rule: the holding period is `detection.pickup_hold_days` calendar days in the buyer's
time zone and starts the day AFTER the parcel arrived at the office (the day of arrival is
not counted, as the Russian, Spanish, Brazilian, French and German posts and USPS count it).
So a parcel that arrived on 3 November with a 15-day hold can be collected until the end of
18 November, its last day. On 6 November 12 days are left after today; on 18 November
today is the last day (0 days after today); from 19 November the hold has ended.

A reminder goes `REMIND_DAYS_BEFORE` days before the last day, and never once it has passed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

REMIND_DAYS_BEFORE = 4
#: No reminder sooner than this many days after the first pickup message.
MIN_DAYS_BEFORE_REMINDER = 2


@dataclass(frozen=True, slots=True)
class Hold:
    arrived_on: date
    last_day: date

    def days_left(self, today: date) -> int:
        """Whole days after `today` still in the hold (0 on the last day, negative after)."""
        return (self.last_day - today).days

    def ended(self, today: date) -> bool:
        return today > self.last_day

    def reminder_day(self) -> date:
        return max(self.last_day - timedelta(days=REMIND_DAYS_BEFORE),
                   self.arrived_on + timedelta(days=MIN_DAYS_BEFORE_REMINDER))


def hold(arrived_on: date, hold_days: int) -> Hold:
    return Hold(arrived_on, arrived_on + timedelta(days=hold_days))
