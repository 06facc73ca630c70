/** Builders of API models for tests: a valid object, with just the fields a test cares about. */
import type { ConsentView } from "../api/models";

export function consentView(status: string, extra: Partial<ConsentView> = {}): ConsentView {
  return {
    id: "c1",
    bank_id: "vbank",
    kind: "accounts",
    status,
    raw_status: status,
    permissions: [],
    options: {},
    near_expiry: false,
    created_at: "2026-12-01T10:00:00Z",
    updated_at: "2026-12-01T10:00:00Z",
    history: [],
    ...extra,
  };
}
