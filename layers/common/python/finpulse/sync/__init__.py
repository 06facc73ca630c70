"""Getting the user's bank data in: one bank at a time, or every bank in a full refresh.

    pipeline/  one bank of one user: bank calls under the bank's concurrency cap, normalising bank
               answers into domain objects, incremental transactions (`BankSync`)
    refresh/   the full refresh around it: the per-user lock, starting the state machine, its Task
               steps (plan, one bank, finalise), the scheduled fan-out, a one-bank bootstrap
    api/       what the sync and data endpoints answer: response models, shared parameters, reads

What is stored, and how, is `finpulse.data`'s: nothing here builds a DataTable key. A sync that
wrote signals a new data version (`finpulse.data.versioning`); it never calls the dashboard.
Modules are small and single-purpose; handlers import only what they need (cold start).
"""
