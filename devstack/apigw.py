"""The HTTP API locally: SAM CLI's own API Gateway emulator, plus the JWT authorizer and the SPA.

`LocalApigwService` (what `sam local start-api` runs) builds the payload-2.0 events, CORS and
routing from the template; it is used as a library with our Lambda runner. It does not enforce JWT
authorizers, so each route's `security` in the transformed OpenAPI body decides here whether the
request needs a token; verified claims are put in the event where API Gateway puts them. The built
SPA and `/config.json` are served from the same origin; unknown non-API paths get `index.html`
(as CloudFront's error responses do in AWS), unknown API paths get HTTP API's 404.
Internal API: aws-sam-cli is pinned exactly (1.170.0).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from flask import Flask, Response, g, jsonify, make_response, request, send_from_directory
from samcli.lib.providers.provider import Cors
from samcli.local.apigw.event_constructor import construct_v2_event_http
from samcli.local.apigw.local_apigw_service import LocalApigwService
from samcli.local.apigw.path_converter import PathConverter
from samcli.local.apigw.route import Route
from samcli.local.apigw.service_error_responses import ServiceErrorResponses
from samcli.local.lambdafn.exceptions import FunctionNotFound

from devstack.authorizer import (
    Fetch,
    Forbidden,
    JwksCache,
    JwtAuthorizer,
    JwtAuthorizerConfig,
    Unauthorized,
    http_fetch,
)
from devstack.lambdas.base import LambdaRunner
from devstack.resources import LocalResources
from devstack.template import TEMPLATE

log = logging.getLogger("devstack.api")


@dataclass(frozen=True)
class RouteAuth:
    authorizer: str | None  # None: the route is open (Auth: Authorizer: NONE)
    scopes: tuple[str, ...] = ()


def _route_security(op: Mapping[str, Any], default: Any) -> RouteAuth:
    security = op.get("security", default)
    if not security:
        return RouteAuth(None)
    (name, scopes), *_ = security[0].items()
    return RouteAuth(None) if name == "NONE" else RouteAuth(name, tuple(scopes or ()))


def route_auth_table(http_apis: Mapping[str, Mapping[str, Any]]) -> dict[tuple[str, str], RouteAuth]:
    """(METHOD, path) → the authorizer (and scopes) each route of the HTTP APIs requires."""
    table: dict[tuple[str, str], RouteAuth] = {}
    for body in http_apis.values():
        for path, ops in body.get("paths", {}).items():
            for method, op in ops.items():
                verb = "ANY" if method == "x-amazon-apigateway-any-method" else method.upper()
                table[(verb, path)] = _route_security(op, body.get("security"))
    return table


def jwt_authorizers(http_apis: Mapping[str, Mapping[str, Any]]) -> dict[str, JwtAuthorizerConfig]:
    configs = {}
    for body in http_apis.values():
        for name, scheme in body.get("components", {}).get("securitySchemes", {}).items():
            spec = scheme.get("x-amazon-apigateway-authorizer", {})
            if spec.get("type") != "jwt":
                continue  # Lambda authorizers: SAM's emulator runs those itself
            jwt_conf = spec["jwtConfiguration"]
            configs[name] = JwtAuthorizerConfig(
                name=name,
                issuer=str(jwt_conf["issuer"]),
                audiences=tuple(str(a) for a in jwt_conf.get("audience", [])),
                identity_source=str(spec.get("identitySource", "$request.header.Authorization")),
            )
    return configs


class _SamLambdaRunner:
    """The interface LocalApigwService expects from SAM's LocalLambdaRunner, over our runners."""

    def __init__(self, resources: LocalResources, runner: LambdaRunner) -> None:
        self._resources = resources
        self._runner = runner

    def is_debugging(self) -> bool:
        return False

    def invoke(
        self, function_identifier: str, event: str, stdout: Any = None, stderr: Any = None, **_: Any
    ) -> None:
        function = self._resources.functions.get(function_identifier) or self._resources.function_for(
            function_identifier
        )
        if function is None:
            raise FunctionNotFound(f"Unable to find a function with name '{function_identifier}'")
        result = self._runner.invoke(function, event.encode())
        if result.function_error:
            log.error("%s failed: %s", function.logical_id, result.payload[:500].decode(errors="replace"))
        if stdout is not None:
            stdout.write_str(result.payload.decode())


def _json(body: dict[str, Any], status: int) -> Response:
    return make_response(jsonify(body), status)


class _AuthorizingApigwService(LocalApigwService):  # type: ignore[misc]
    def __init__(
        self,
        *args: Any,
        route_auth: dict[tuple[str, str], RouteAuth],
        authorizers: dict[str, JwtAuthorizer],
        spa_dir: Path | None,
        config_json: dict[str, Any] | None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._route_auth = route_auth
        self._authorizers = authorizers
        self._spa_dir = spa_dir if spa_dir and (spa_dir / "index.html").is_file() else None
        self._config_json = config_json
        self._api_prefixes = {
            "/" + r.path.strip("/").split("/")[0] for r in self.api.routes if r.path != "$default"
        }

    # ------------------------------------------------------------------ app
    def create(self) -> None:
        super().create()
        app: Flask = self._app
        if self._config_json is not None:
            config = self._config_json
            app.add_url_rule("/config.json", "devstack_config", lambda: _json(config, 200), methods=["GET"])
        if self._spa_dir is not None:
            app.add_url_rule("/", "devstack_index", self._index, methods=["GET", "HEAD"])

    def _index(self) -> Response:
        assert self._spa_dir is not None
        response = send_from_directory(self._spa_dir, "index.html", max_age=0)
        response.headers["Cache-Control"] = "no-cache"
        return response

    def _construct_error_handling(self) -> None:
        self._app.register_error_handler(404, self._not_found)
        self._app.register_error_handler(405, self._not_found)
        self._app.register_error_handler(500, ServiceErrorResponses.lambda_failure_response)

    def _not_found(self, *_: Any) -> Response:
        path = request.path
        is_api = any(path == p or path.startswith(p + "/") for p in self._api_prefixes)
        if self._spa_dir is not None and not is_api and request.method in ("GET", "HEAD"):
            return self._index()  # a client-side route of the SPA
        return _json({"message": "Not Found"}, 404)  # what an HTTP API answers for no route

    # ------------------------------------------------------------------ auth
    def _auth_for(self, route: Route) -> RouteAuth:
        method = request.method.upper()
        for key in ((method, route.path), ("ANY", route.path)):
            if key in self._route_auth:
                return self._route_auth[key]
        # A route the OpenAPI body does not list: fail closed with the default authorizer.
        return RouteAuth(next(iter(self._authorizers), None))

    def _denied(self, route: Route, status: int, message: str) -> Response:
        response = _json({"message": message}, status)
        cors = route.cors if route.cors is not None else self.api.cors
        response.headers.update(Cors.cors_to_headers(cors, request.headers.get("Origin"), route.event_type))
        if status == 401:
            response.headers["www-authenticate"] = "Bearer"
        response.headers["apigw-requestid"] = g.devstack_request_id
        return response

    def _request_handler(self, **kwargs: Any) -> Any:
        g.devstack_authorizer = None
        g.devstack_request_id = str(uuid.uuid4())
        if request.method != "OPTIONS":  # CORS preflight is answered before any authorizer
            route = self._get_current_route(request)
            auth = self._auth_for(route)
            if auth.authorizer is not None:
                authorizer = self._authorizers.get(auth.authorizer)
                try:
                    if authorizer is None:
                        raise Unauthorized(f"authorizer {auth.authorizer} is not a JWT authorizer")
                    g.devstack_authorizer = authorizer.authorize(
                        cast(Mapping[str, str], request.headers), auth.scopes
                    )
                except Unauthorized as exc:
                    log.info("401 %s %s: %s", request.method, request.path, exc)
                    return self._denied(route, 401, "Unauthorized")
                except Forbidden as exc:
                    log.info("403 %s %s: %s", request.method, request.path, exc)
                    return self._denied(route, 403, "Forbidden")
        response = super()._request_handler(**kwargs)
        response.headers["apigw-requestid"] = g.devstack_request_id  # as API Gateway sends it
        return response

    def _generate_lambda_event(
        self, flask_request: Any, route: Route, method: str, endpoint: str
    ) -> dict[str, Any]:
        try:
            event: dict[str, Any] = super()._generate_lambda_event(flask_request, route, method, endpoint)
        except UnicodeDecodeError:
            # SAM answers 502 for a body that is not UTF-8; HTTP API hands it over base64-encoded.
            event = construct_v2_event_http(
                flask_request=flask_request,
                port=self.port,
                binary_types=["*/*"],
                stage_name=self.api.stage_name,
                stage_variables=self.api.stage_variables,
                route_key=self._v2_route_key(
                    method, PathConverter.convert_path_to_api_gateway(endpoint), False
                ),
            )
        # SAM computes its defaults for the request id and time once, at import: every request would
        # share them. API Gateway gives each request its own.
        context = event.setdefault("requestContext", {})
        now = datetime.now(UTC)
        context["requestId"] = g.devstack_request_id
        context["timeEpoch"] = int(now.timestamp() * 1000)
        context["time"] = now.strftime("%d/%b/%Y:%H:%M:%S +0000")
        authorizer = g.get("devstack_authorizer")
        if authorizer is not None:
            event.setdefault("requestContext", {})["authorizer"] = authorizer
        return event


class LocalApi:
    """The API + SPA origin. `app` is a Flask app (use `app.test_client()` without a socket)."""

    def __init__(
        self,
        resources: LocalResources,
        runner: LambdaRunner,
        *,
        template_path: Path = TEMPLATE,
        spa_dir: Path | None = None,
        config_json: dict[str, Any] | None = None,
        port: int = 3000,
        host: str = "127.0.0.1",
        jwks_fetch: Fetch = http_fetch,
        access_log: bool = False,
    ) -> None:
        from samcli.lib.providers.api_provider import ApiProvider
        from samcli.lib.providers.sam_stack_provider import SamLocalStackProvider

        # The emulator warns about the JWT authorizer it skips; this class enforces it instead.
        logging.getLogger("samcli.lib.providers.api_collector").setLevel(logging.ERROR)
        stacks, _ = SamLocalStackProvider.get_stacks(
            str(template_path), parameter_overrides={k: str(v) for k, v in resources.parameters.items()}
        )
        api = ApiProvider(stacks, cwd=str(template_path.parent)).api
        configs = jwt_authorizers(resources.http_apis)
        # One JWKS cache per key URL: all authorizers of the local pool share its keys.
        cache = JwksCache(resources.jwks_url, fetch=jwks_fetch)
        self.jwks = cache
        authorizers = {name: JwtAuthorizer(config, cache) for name, config in configs.items()}
        self.service = _AuthorizingApigwService(
            api,
            _SamLambdaRunner(resources, runner),
            static_dir=str(spa_dir) if spa_dir else None,
            port=port,
            host=host,
            route_auth=route_auth_table(resources.http_apis),
            authorizers=authorizers,
            spa_dir=spa_dir,
            config_json=config_json,
        )
        self.service.create()
        self.app: Flask = self.service._app
        if access_log:
            _add_access_log(self.app)


def _add_access_log(app: Flask) -> None:
    # werkzeug's own request log is silenced (moto's server shares it); this one names the status
    # and time of each request to the app, never headers (tokens) or bodies.
    import time

    @app.before_request
    def _start() -> None:
        g.devstack_started = time.monotonic()

    @app.after_request
    def _log(response: Response) -> Response:
        elapsed = (time.monotonic() - g.get("devstack_started", time.monotonic())) * 1000
        log.info("%s %s → %s (%.0f ms)", request.method, request.path, response.status_code, elapsed)
        return response


def spa_config(resources: LocalResources, cognito_endpoint: str, api_base: str = "/api") -> dict[str, Any]:
    """`/config.json` for the SPA: the same keys the deploy writes to the bucket."""
    return {
        "apiBase": api_base,
        "region": resources.region,
        "userPoolId": resources.user_pool_id,
        "userPoolClientId": resources.user_pool_client_id,
        "cognitoEndpoint": cognito_endpoint,
        "passwordPolicy": password_policy(),
    }


def password_policy() -> dict[str, Any]:
    """The user pool's password rules from template.yaml, in config.json's shape."""
    from devstack.template import load_source
    from tools.publish_spa import password_policy_config

    pool = load_source()["Resources"]["UserPool"]["Properties"]
    return password_policy_config(pool["Policies"]["PasswordPolicy"])
