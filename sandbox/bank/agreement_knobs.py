"""Agreement knobs: how a bank misbehaves around opening and closing products, set through
``/__admin/agreement-knobs`` (the payment knobs' style, :mod:`sandbox.bank.payment_knobs`).

* ``open_drop_after_commit`` (int) — the next N ``POST /product-agreements`` open the product in
  full (deposit funded, loan paid out, consent's total counted), then close the connection without
  an answer.
* ``open_decline`` (int) — the next N ``POST /product-agreements`` that pass the consent checks are
  declined by the bank (422 ``APPLICATION_DECLINED``); nothing is opened.
* ``close_drop_after_commit`` (int) — the next N ``DELETE /product-agreements/{id}`` close the
  agreement in full (funds returned or debt repaid), then close the connection without an answer.
* ``close_refuse`` (int) — the next N closes are refused (409 ``CLOSE_REFUSED``); nothing changes.

Failures before any work (5xx, 429, hangs, dropped connections) are the per-request fault knobs
scoped with ``paths`` and ``methods`` (``docs/SANDBOX.md``). Cleared by ``DELETE`` and by a reset.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from sandbox.bank import knobs
from sandbox.bank.http import Router

if TYPE_CHECKING:
    from sandbox.bank.context import Bank


class AgreementKnobs(knobs.Knobs):
    KNOBS: ClassVar[dict[str, type | tuple[type, ...]]] = {
        "open_drop_after_commit": int,
        "open_decline": int,
        "close_drop_after_commit": int,
        "close_refuse": int,
    }
    WHAT = "agreement knob"


def register_admin(router: Router, bank: Bank) -> None:
    knobs.register_admin(router, bank.agreement_knobs, "/__admin/agreement-knobs", "INVALID_AGREEMENT_KNOBS")
