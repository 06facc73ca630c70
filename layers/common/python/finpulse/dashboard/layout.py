"""Sort keys of the dashboard's items in the user's partition of the data table."""

from __future__ import annotations

INPUTS_SK = "INPUTS"
DASHBOARD_SK = "DASHBOARD"
