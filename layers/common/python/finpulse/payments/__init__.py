"""Payments: MDP, ADP and SDP, each paid exactly once, to an account the bank reported.

requests / views        what the API takes and answers
resolve / defaults      debtor and creditor from stored data; default amounts from the dashboard
checks / prepare        every check before a bank is asked to pay (shared by the quote)
consent                 the single-use consent per payment; the bank's stored terms compared
execute / submit        a new request → the record → its consent → `POST /payments` once
reconcile               polling and reconciliation of payments whose outcome is unknown
progress / resync       moves by conditional writes; metrics; effects of a completed payment
store / records / ids   the payments table, the state machine, ids
idem                    Powertools Idempotency on the idempotency table
service / http          what the handlers call
"""
