"""Golden customer profiles. Each builds an engine input and lists the figures the dashboard must
show, derived by hand in docs/ANALYTICS.md ("Golden profiles"); the derivation of each non-obvious
number is repeated next to it. today = 2025-11-21 (Friday), Europe/Moscow, all times 12:00 local."""

from tests.analytics.profiles.base import Profile
from tests.analytics.profiles.irregular import freelancer, overdue, student
from tests.analytics.profiles.salaried import salaried
from tests.analytics.profiles.savers import card_heavy, saver

ALL = (salaried, saver, card_heavy, freelancer, student, overdue)

__all__ = ["ALL", "Profile"]
