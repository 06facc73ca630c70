"""The SPA publisher uploads the build with the right caching and a config.json from the stack."""

from __future__ import annotations

import json
from pathlib import Path

import boto3
import pytest
from moto import mock_aws

from tools.publish_spa import password_policy, runtime_config, upload

OUTPUTS = {
    "Region": "eu-central-1",
    "UserPoolId": "eu-central-1_abc",
    "UserPoolClientId": "client123",
    "SpaBucketName": "spa-bucket",
}


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "index-3f2a.js").write_text("console.log(1)")
    (tmp_path / "index.html").write_text("<!doctype html>")
    return tmp_path


@mock_aws
def test_upload_sets_types_caching_and_config(dist: Path) -> None:
    s3 = boto3.client("s3", region_name="eu-central-1")
    s3.create_bucket(Bucket="spa-bucket", CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})

    keys = upload(s3, "spa-bucket", dist, runtime_config(OUTPUTS))

    assert keys[-2:] == ["index.html", "config.json"]
    asset = s3.head_object(Bucket="spa-bucket", Key="assets/index-3f2a.js")
    assert asset["CacheControl"].endswith("immutable")
    assert "javascript" in asset["ContentType"]
    index = s3.head_object(Bucket="spa-bucket", Key="index.html")
    assert index["CacheControl"] == "no-cache"
    config = json.loads(s3.get_object(Bucket="spa-bucket", Key="config.json")["Body"].read())
    assert config == {
        "apiBase": "/api",
        "region": "eu-central-1",
        "userPoolId": "eu-central-1_abc",
        "userPoolClientId": "client123",
        "cognitoEndpoint": "https://cognito-idp.eu-central-1.amazonaws.com/",
    }


def test_upload_refuses_a_missing_build(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        upload(object(), "b", tmp_path, {})


@mock_aws
def test_config_carries_the_deployed_pools_password_policy() -> None:
    cognito = boto3.client("cognito-idp", region_name="eu-central-1")
    policy = {
        "MinimumLength": 14,
        "RequireLowercase": True,
        "RequireUppercase": False,
        "RequireNumbers": True,
        "RequireSymbols": True,
    }
    pool = cognito.create_user_pool(PoolName="p", Policies={"PasswordPolicy": policy})
    assert password_policy(cognito, pool["UserPool"]["Id"]) == {
        "minLength": 14,
        "requireLowercase": True,
        "requireUppercase": False,
        "requireNumbers": True,
        "requireSymbols": True,
    }
