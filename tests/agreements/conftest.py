"""Agreement tests: the payment tests' fixtures (a connected user per module, shorter waits, the
banks' seed data restored after a module that changes it)."""

from tests.payments.conftest import fast_payments, live, no_retry_sleep, payer, restore_bank_data

__all__ = ["fast_payments", "live", "no_retry_sleep", "payer", "restore_bank_data"]
