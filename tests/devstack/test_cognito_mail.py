"""The local user pool's self sign-up and password reset behave like Cognito's (devstack.cognito_mail).

Against the pool provisioned from template.yaml: the code is "e-mailed" (the outbox), only that
code confirms, a resend replaces it, a reset needs its own code and a policy-compliant password,
and a global sign-out revokes the refresh token.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from botocore.exceptions import ClientError

from devstack import cognito_mail
from devstack.inprocess_stack import InProcessStack

PASSWORD = "Finpulse-test-1"


def _error(excinfo: pytest.ExceptionInfo[ClientError]) -> str:
    return str(excinfo.value.response["Error"]["Code"])


@pytest.fixture
def pool(aws_stack: InProcessStack) -> tuple[Any, str]:
    return aws_stack.client("cognito-idp"), aws_stack.resources.user_pool_client_id


def _sign_in(cognito: Any, client_id: str, email: str, password: str) -> dict[str, Any]:
    return dict(
        cognito.initiate_auth(
            ClientId=client_id,
            AuthFlow="USER_PASSWORD_AUTH",
            AuthParameters={"USERNAME": email, "PASSWORD": password},
        )["AuthenticationResult"]
    )


def test_sign_up_is_confirmed_only_by_the_latest_emailed_code(pool: tuple[Any, str]) -> None:
    cognito, client_id = pool
    email = f"new-{uuid.uuid4().hex[:8]}@example.com"

    answer = cognito.sign_up(ClientId=client_id, Username=email, Password=PASSWORD)
    assert answer["UserConfirmed"] is False
    assert answer["CodeDeliveryDetails"]["DeliveryMedium"] == "EMAIL"
    first = cognito_mail.OUTBOX.latest(email, cognito_mail.SIGN_UP)
    assert first is not None
    assert len(first.code) == 6
    assert first.code.isdigit()

    with pytest.raises(ClientError) as unconfirmed:
        _sign_in(cognito, client_id, email, PASSWORD)
    assert _error(unconfirmed) == "UserNotConfirmedException"

    cognito.resend_confirmation_code(ClientId=client_id, Username=email)
    second = cognito_mail.OUTBOX.latest(email, cognito_mail.SIGN_UP)
    assert second is not None
    assert second is not first
    if first.code != second.code:
        with pytest.raises(ClientError) as stale:
            cognito.confirm_sign_up(ClientId=client_id, Username=email, ConfirmationCode=first.code)
        assert _error(stale) == "CodeMismatchException"

    cognito.confirm_sign_up(ClientId=client_id, Username=email, ConfirmationCode=second.code)
    with pytest.raises(ClientError) as again:
        cognito.confirm_sign_up(ClientId=client_id, Username=email, ConfirmationCode=second.code)
    assert _error(again) == "NotAuthorizedException"
    assert _sign_in(cognito, client_id, email, PASSWORD)["IdToken"]


def test_sign_up_refuses_a_password_outside_the_template_policy(pool: tuple[Any, str]) -> None:
    cognito, client_id = pool
    with pytest.raises(ClientError) as weak:
        cognito.sign_up(ClientId=client_id, Username="weak@example.com", Password="short1A")
    assert _error(weak) == "InvalidPasswordException"


def test_password_reset_needs_the_emailed_code_and_global_sign_out_revokes_refresh(
    pool: tuple[Any, str],
) -> None:
    cognito, client_id = pool
    email = f"reset-{uuid.uuid4().hex[:8]}@example.com"
    cognito.sign_up(ClientId=client_id, Username=email, Password=PASSWORD)
    code = cognito_mail.OUTBOX.latest(email, cognito_mail.SIGN_UP)
    assert code is not None
    cognito.confirm_sign_up(ClientId=client_id, Username=email, ConfirmationCode=code.code)

    cognito.forgot_password(ClientId=client_id, Username=email)
    reset = cognito_mail.OUTBOX.latest(email, cognito_mail.RESET)
    assert reset is not None
    wrong = "000000" if reset.code != "000000" else "111111"
    with pytest.raises(ClientError) as mismatch:
        cognito.confirm_forgot_password(
            ClientId=client_id, Username=email, ConfirmationCode=wrong, Password="Another-pass-2"
        )
    assert _error(mismatch) == "CodeMismatchException"
    with pytest.raises(ClientError) as weak:
        cognito.confirm_forgot_password(
            ClientId=client_id, Username=email, ConfirmationCode=reset.code, Password="weak"
        )
    assert _error(weak) == "InvalidPasswordException"
    cognito.confirm_forgot_password(
        ClientId=client_id, Username=email, ConfirmationCode=reset.code, Password="Another-pass-2"
    )
    tokens = _sign_in(cognito, client_id, email, "Another-pass-2")

    cognito.global_sign_out(AccessToken=tokens["AccessToken"])
    with pytest.raises(ClientError) as revoked:
        cognito.initiate_auth(
            ClientId=client_id,
            AuthFlow="REFRESH_TOKEN_AUTH",
            AuthParameters={"REFRESH_TOKEN": tokens["RefreshToken"]},
        )
    assert _error(revoked) == "NotAuthorizedException"
