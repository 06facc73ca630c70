"""Why opening or closing a product is refused before any bank is asked: one class, status and code
per check (beside the payment checks' codes, which the source account and amount checks reuse)."""

from __future__ import annotations

from finpulse.errors import Conflict, NotFound
from finpulse.payments.errors import PaymentRefused


class ActionRefused(PaymentRefused):
    code = "AGREEMENT_REFUSED"


class ProductNotFound(ActionRefused, NotFound):
    status = 404
    code = "PRODUCT_NOT_FOUND"


class AgreementNotFound(ActionRefused, NotFound):
    status = 404
    code = "AGREEMENT_NOT_FOUND"


class ProductKindNotSupported(ActionRefused):
    code = "PRODUCT_KIND_NOT_SUPPORTED"


class AmountBelowMinimum(ActionRefused):
    code = "AMOUNT_BELOW_MINIMUM"


class AmountAboveMaximum(ActionRefused):
    code = "AMOUNT_ABOVE_MAXIMUM"


class TermOutOfRange(ActionRefused):
    code = "TERM_OUT_OF_RANGE"


class OtherBank(ActionRefused):
    code = "ACCOUNT_AT_OTHER_BANK"


class _ConsentRefusal(ActionRefused):
    status = 403


class ProductConsentRequired(_ConsentRefusal):
    code = "PRODUCT_CONSENT_REQUIRED"


class OpenNotGranted(_ConsentRefusal):
    code = "OPEN_NOT_GRANTED"


class CloseNotGranted(_ConsentRefusal):
    code = "CLOSE_NOT_GRANTED"


class ProductTypeNotAllowed(_ConsentRefusal):
    code = "PRODUCT_TYPE_NOT_ALLOWED"


class ConsentMaxAmountExceeded(_ConsentRefusal):
    code = "CONSENT_MAX_AMOUNT_EXCEEDED"


class AgreementNotActive(ActionRefused, Conflict):
    status = 409
    code = "AGREEMENT_NOT_ACTIVE"


class ActionNotFound(NotFound):
    code = "ACTION_NOT_FOUND"


BY_CODE: dict[str, type[PaymentRefused]] = {
    cls.code: cls
    for cls in (
        ProductNotFound,
        AgreementNotFound,
        ProductKindNotSupported,
        AmountBelowMinimum,
        AmountAboveMaximum,
        TermOutOfRange,
        OtherBank,
        ProductConsentRequired,
        OpenNotGranted,
        CloseNotGranted,
        ProductTypeNotAllowed,
        ConsentMaxAmountExceeded,
        AgreementNotActive,
    )
}
