"""Whose working days count for a case, and the extra closure days: the same answers the
Victims' Code clocks use (hatehub.victims), so the hub's deadlines never disagree. The nation
is the owning force's once a force has accepted the case, the hub's (HUB_VICTIMS_NATION,
England and Wales by default) before that; extra closures are HUB_VICTIMS_EXTRA_CLOSURES."""

import datetime as dt

from hatehub.victims.calendar import Nation


def nation_for_case(case) -> Nation:
    from hatehub.victims.services.events import nation_for

    return nation_for(case)


def extra_closures() -> frozenset[dt.date]:
    from hatehub.victims import conf

    return conf.extra_closures()
