"""The app origin: the built SPA, /config.json and the API side by side, as CloudFront serves them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from devstack.apigw import LocalApi, spa_config
from devstack.inprocess_stack import InProcessStack


@pytest.fixture(scope="module")
def origin(aws_stack: InProcessStack, tmp_path_factory: pytest.TempPathFactory) -> Any:
    dist = tmp_path_factory.mktemp("dist")
    (dist / "index.html").write_text("<!doctype html><title>FinPulse</title>")
    (dist / "assets").mkdir()
    (dist / "assets" / "app.js").write_text("console.log(1)")
    config = spa_config(aws_stack.resources, "http://127.0.0.1:5000/")
    return LocalApi(
        aws_stack.resources, aws_stack.runner, spa_dir=Path(dist), config_json=config
    ).app.test_client()


def test_index_assets_and_client_routes(origin: Any) -> None:
    assert "FinPulse" in origin.get("/").get_data(as_text=True)
    assert origin.get("/assets/app.js").get_data(as_text=True) == "console.log(1)"
    deep = origin.get("/loans/123")
    assert deep.status_code == 200
    assert "FinPulse" in deep.get_data(as_text=True)


def test_api_paths_are_never_rewritten_to_the_spa(origin: Any) -> None:
    response = origin.get("/api/not-a-route")
    assert response.status_code == 404
    assert response.json == {"message": "Not Found"}
    assert origin.get("/api/me").status_code == 401
    assert origin.get("/api/health").json["status"] == "ok"


def test_config_json(origin: Any, aws_stack: InProcessStack) -> None:
    config = origin.get("/config.json").json
    assert config == {
        "apiBase": "/api",
        "region": aws_stack.resources.region,
        "userPoolId": aws_stack.resources.user_pool_id,
        "userPoolClientId": aws_stack.resources.user_pool_client_id,
        "cognitoEndpoint": "http://127.0.0.1:5000/",
        # template.yaml's UserPool PasswordPolicy, for the sign-up form's rules
        "passwordPolicy": {
            "minLength": 12,
            "requireLowercase": True,
            "requireUppercase": True,
            "requireNumbers": True,
            "requireSymbols": False,
        },
    }
