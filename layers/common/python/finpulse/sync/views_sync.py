"""Answers of the sync endpoints."""

from __future__ import annotations

from pydantic import BaseModel, Field

from finpulse.sync.records import SyncRecord


class RefreshAccepted(BaseModel):
    sync_id: str
    state: str = "running"
    status_url: str = Field(description="Poll this for progress")


class SyncStatus(BaseModel):
    sync: SyncRecord | None = Field(description="The caller's latest sync; null before the first one")
