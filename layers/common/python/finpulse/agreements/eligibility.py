"""Whether the user's product-agreement consent at a bank lets FinPulse open (or close) a product,
and if not, exactly what is missing (pure: the consent's terms are passed in).

The terms come from the stored consent (the catalog) or from the bank now (a quote, which also
knows how much was already opened under the consent). A consent's `allowed_product_types` use
the banks' words: `deposit`, `loan` (some banks: `credit`), `card` (debit and credit cards; some
banks also `credit_card`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from finpulse.domain import AgreementKind, ProductKind

# The consent words that allow a product of each kind.
_WORDS: dict[str, frozenset[str]] = {
    "deposit": frozenset({"deposit"}),
    "loan": frozenset({"loan", "credit"}),
    "credit_card": frozenset({"card", "credit_card"}),
    "debit_card": frozenset({"card", "debit_card"}),
    "account": frozenset({"account"}),
}
# The word FinPulse asks for when a kind is missing (what `POST /api/consents/init` takes).
CONSENT_WORD: dict[str, str] = {
    "deposit": "deposit",
    "loan": "loan",
    "credit_card": "card",
    "debit_card": "card",
    "account": "account",
}


@dataclass(frozen=True)
class ConsentTerms:
    """A product-agreement consent's grant, as stored or as the bank reports it now."""

    consent_id: str | None
    open: bool = False
    close: bool = False
    product_types: tuple[str, ...] = ()
    max_amount: Decimal | None = None
    opened_so_far: Decimal | None = None
    """What the bank counted as opened under the consent (`current_total_opened`); None if unknown."""

    @property
    def room(self) -> Decimal | None:
        """How much more may be opened under the consent (None: no cap)."""
        if self.max_amount is None:
            return None
        return max(Decimal(0), self.max_amount - (self.opened_so_far or Decimal(0)))


@dataclass(frozen=True)
class Missing:
    code: str
    message: str


@dataclass(frozen=True)
class Eligibility:
    allowed: bool
    missing: list[Missing] = field(default_factory=list)


NO_CONSENT = Eligibility(
    False, [Missing("PRODUCT_CONSENT_REQUIRED", "No approved product consent at this bank: connect one")]
)


def kind_word(kind: ProductKind | AgreementKind | str) -> str:
    return kind.value if isinstance(kind, ProductKind | AgreementKind) else kind


def type_allowed(terms: ConsentTerms, kind: ProductKind | AgreementKind | str) -> bool:
    allowed = {t.lower() for t in terms.product_types}
    return not allowed or bool(allowed & _WORDS.get(kind_word(kind), frozenset()))


def to_open(terms: ConsentTerms | None, kind: ProductKind | str, amount: Decimal | None) -> Eligibility:
    """May a product of `kind` be opened for `amount` (None: the amount is not known yet)?"""
    word = kind_word(kind)
    if terms is None:
        return NO_CONSENT
    missing: list[Missing] = []
    if not terms.open:
        missing.append(Missing("OPEN_NOT_GRANTED", "The product consent does not allow opening products"))
    if not type_allowed(terms, word):
        missing.append(
            Missing(
                "PRODUCT_TYPE_NOT_ALLOWED",
                f"The product consent does not cover {word} products (add “{CONSENT_WORD.get(word, word)}”)",
            )
        )
    room = terms.room
    if amount is not None and room is not None and amount > room:
        so_far = f", {terms.opened_so_far:.2f} already opened" if terms.opened_so_far else ""
        missing.append(
            Missing(
                "CONSENT_MAX_AMOUNT_EXCEEDED",
                f"Over the product consent's max_amount {terms.max_amount:.2f}{so_far}",
            )
        )
    return Eligibility(not missing, missing)


def to_close(terms: ConsentTerms | None, kind: AgreementKind | str) -> Eligibility:
    word = kind_word(kind)
    if terms is None:
        return NO_CONSENT
    missing: list[Missing] = []
    if not terms.close:
        missing.append(Missing("CLOSE_NOT_GRANTED", "The product consent does not allow closing products"))
    if not type_allowed(terms, word):
        missing.append(
            Missing("PRODUCT_TYPE_NOT_ALLOWED", f"The product consent does not cover {word} products")
        )
    return Eligibility(not missing, missing)
