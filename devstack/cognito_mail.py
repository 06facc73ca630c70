"""Cognito's e-mails, locally: sign-up confirmation and password-reset codes.

In AWS the user pool e-mails a 6-digit code on `SignUp`, `ResendConfirmationCode` and
`ForgotPassword`, and `ConfirmSignUp` / `ConfirmForgotPassword` accept only that code. moto 5.2.5
sends nothing, confirms any code (or none), has no `ResendConfirmationCode`, and accepts any reset
code that does not start with its own prefix. This module makes the local pool behave like AWS,
and "delivers" each message where the person at the keyboard sees it: the `make dev` console
(logger `devstack.mail`) and `outbox.jsonl` beside the stack's state file, which the browser
tests read. Codes live 24 h (sign-up) and 1 h (reset), as Cognito's do.

Internal API: moto is pinned exactly.
"""

from __future__ import annotations

import json
import logging
import secrets
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger("devstack.mail")

SIGN_UP = "sign-up"
RESET = "password-reset"
LIFETIME = {SIGN_UP: 24 * 3600.0, RESET: 3600.0}


@dataclass(frozen=True)
class Message:
    to: str
    purpose: str  # SIGN_UP | RESET
    code: str
    at: float


class Outbox:
    """The messages sent since start (in memory) and, if set, appended to a JSON-lines file."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.path: Path | None = None
        self._lock = threading.Lock()

    def use_file(self, path: Path | None) -> None:
        self.path = path
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("")  # the user pool starts empty on every run, so does its mail

    def send(self, message: Message) -> None:
        with self._lock:
            self.messages.append(message)
            if self.path is not None:
                with self.path.open("a") as sink:
                    sink.write(json.dumps(asdict(message)) + "\n")
        what = "confirmation code" if message.purpose == SIGN_UP else "password reset code"
        log.warning("e-mail to %s: FinPulse %s %s", message.to, what, message.code)

    def latest(self, to: str, purpose: str) -> Message | None:
        with self._lock:
            for message in reversed(self.messages):
                if message.to.lower() == to.lower() and message.purpose == purpose:
                    return message
        return None


OUTBOX = Outbox()
# (pool id, user's sub, purpose) → (code, expires at)
_codes: dict[tuple[str, str, str], tuple[str, float]] = {}


def _email(user: Any) -> str:
    return str(user.attribute_lookup.get("email") or user.username)


def _issue(pool_id: str, user: Any, purpose: str) -> None:
    code = f"{secrets.randbelow(1_000_000):06d}"
    _codes[(pool_id, user.id, purpose)] = (code, time.time() + LIFETIME[purpose])
    OUTBOX.send(Message(to=_email(user), purpose=purpose, code=code, at=time.time()))


def _check(pool_id: str, user: Any, purpose: str, code: str | None) -> None:
    from moto.cognitoidp.exceptions import CodeMismatchException, ExpiredCodeException

    issued = _codes.get((pool_id, user.id, purpose))
    if issued is None or time.time() > issued[1]:
        raise ExpiredCodeException("Invalid code provided, please request a code again.")
    if not code or not secrets.compare_digest(code.strip(), issued[0]):
        raise CodeMismatchException("Invalid verification code provided, please try again.")
    del _codes[(pool_id, user.id, purpose)]


def _pool_and_user(backend: Any, client_id: str, username: str) -> tuple[Any, Any]:
    from moto.cognitoidp.exceptions import ResourceNotFoundError, UserNotFoundError

    for pool in backend.user_pools.values():
        if client_id in pool.clients:
            user = pool._get_user(username)
            if user is None:
                raise UserNotFoundError("Username/client id combination not found.")
            return pool, user
    raise ResourceNotFoundError(client_id)


def _delivery(user: Any) -> dict[str, str]:
    email = _email(user)
    name, _, domain = email.partition("@")
    return {"Destination": f"{name[:1]}***@{domain}", "DeliveryMedium": "EMAIL", "AttributeName": "email"}


def install() -> None:
    """Idempotent. Patches moto's Cognito backend and response handler."""
    from moto.cognitoidp.exceptions import NotAuthorizedError
    from moto.cognitoidp.models import CognitoIdpBackend, RegionAgnosticBackend, UserStatus
    from moto.cognitoidp.responses import CognitoIdpResponse
    from moto.core.responses import ActionResult, EmptyResult

    if getattr(CognitoIdpBackend, "_finpulse_mail", False):
        return
    original_sign_up = CognitoIdpBackend.sign_up

    def _requested_user(response: Any) -> tuple[Any, Any]:
        client_id = response._get_param("ClientId")
        agnostic = RegionAgnosticBackend(response.current_account, response.region)
        backend = agnostic._find_backend_for_clientid(client_id)
        return _pool_and_user(backend, client_id, response._get_param("Username"))

    def sign_up(self: Any, client_id: str, username: str, password: str, attributes: Any) -> Any:
        user, details = original_sign_up(self, client_id, username, password, attributes)
        _issue(user.user_pool_id, user, SIGN_UP)
        return user, details or _delivery(user)

    def confirm_sign_up(self: Any) -> Any:
        pool, user = _requested_user(self)
        if user.status != UserStatus.UNCONFIRMED:
            status = getattr(user.status, "value", user.status)
            raise NotAuthorizedError(f"User cannot be confirmed. Current status is {status}")
        _check(pool.id, user, SIGN_UP, self._get_param("ConfirmationCode"))
        user.status = UserStatus.CONFIRMED
        return EmptyResult()

    def resend_confirmation_code(self: Any) -> Any:
        from moto.cognitoidp.exceptions import InvalidParameterException

        pool, user = _requested_user(self)
        if user.status != UserStatus.UNCONFIRMED:
            raise InvalidParameterException("User is already confirmed.")
        _issue(pool.id, user, SIGN_UP)
        return ActionResult({"CodeDeliveryDetails": _delivery(user)})

    original_forgot = CognitoIdpBackend.forgot_password

    def forgot_password(self: Any, client_id: str, username: str) -> Any:
        _, response = original_forgot(self, client_id, username)
        for pool in self.user_pools.values():
            user = pool._get_user(username) if client_id in pool.clients else None
            if user is not None:
                _issue(pool.id, user, RESET)
        return None, response  # no moto code header: the code goes by "e-mail"

    def confirm_forgot_password(self: Any, client_id: str, username: str, password: str, code: str) -> None:
        pool, user = _pool_and_user(self, client_id, username)
        self._validate_password(pool.id, password)  # a refused password leaves the code usable
        _check(pool.id, user, RESET, code)
        user.password = password

    CognitoIdpBackend.sign_up = sign_up  # type: ignore[method-assign]
    CognitoIdpBackend.forgot_password = forgot_password  # type: ignore[method-assign]
    CognitoIdpBackend.confirm_forgot_password = confirm_forgot_password  # type: ignore[method-assign]
    CognitoIdpResponse.confirm_sign_up = confirm_sign_up  # type: ignore[method-assign]
    CognitoIdpResponse.resend_confirmation_code = resend_confirmation_code  # type: ignore[attr-defined]
    CognitoIdpBackend._finpulse_mail = True  # type: ignore[attr-defined]
