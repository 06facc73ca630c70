"""Publish the built SPA and its /config.json to the deployed stack's bucket.

`make deploy` runs this after `sam deploy`: it reads the stack's outputs, uploads `frontend/dist`
(hashed assets cached for a year, index.html and config.json never cached), writes config.json
with the stack's API and user pool, and invalidates CloudFront so users get the new index.
"""

from __future__ import annotations

import argparse
import json
import mimetypes
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "frontend" / "dist"
IMMUTABLE = "public, max-age=31536000, immutable"
NO_CACHE = "no-cache"


def stack_outputs(cloudformation: Any, stack_name: str) -> dict[str, str]:
    stack = cloudformation.describe_stacks(StackName=stack_name)["Stacks"][0]
    return {o["OutputKey"]: o["OutputValue"] for o in stack.get("Outputs", [])}


def password_policy(cognito: Any, user_pool_id: str) -> dict[str, Any]:
    """The deployed pool's password rules, shown by the sign-up form while typing."""
    pool = cognito.describe_user_pool(UserPoolId=user_pool_id)["UserPool"]
    return password_policy_config(pool["Policies"]["PasswordPolicy"])


def password_policy_config(policy: dict[str, Any]) -> dict[str, Any]:
    """Cognito's PasswordPolicy (API or template) in config.json's `passwordPolicy` shape."""
    return {
        "minLength": int(policy.get("MinimumLength", 8)),
        "requireLowercase": bool(policy.get("RequireLowercase", True)),
        "requireUppercase": bool(policy.get("RequireUppercase", True)),
        "requireNumbers": bool(policy.get("RequireNumbers", True)),
        "requireSymbols": bool(policy.get("RequireSymbols", True)),
    }


def runtime_config(outputs: dict[str, str]) -> dict[str, Any]:
    region = outputs["Region"]
    return {
        # Same origin: CloudFront routes /api/* to the HTTP API.
        "apiBase": "/api",
        "region": region,
        "userPoolId": outputs["UserPoolId"],
        "userPoolClientId": outputs["UserPoolClientId"],
        "cognitoEndpoint": f"https://cognito-idp.{region}.amazonaws.com/",
    }


def _cache_control(key: str) -> str:
    return IMMUTABLE if key.startswith("assets/") else NO_CACHE


def upload(s3: Any, bucket: str, dist: Path, config: dict[str, Any]) -> list[str]:
    """Upload every file of the build and config.json; return the keys written."""
    if not (dist / "index.html").is_file():
        raise FileNotFoundError(f"{dist}/index.html missing: run `make spa` first")
    keys = []
    # Assets first, index.html last, so a visitor never gets an index naming missing assets.
    files = sorted((p for p in dist.rglob("*") if p.is_file()), key=lambda p: p.name == "index.html")
    for path in files:
        key = path.relative_to(dist).as_posix()
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        s3.upload_file(
            str(path),
            bucket,
            key,
            ExtraArgs={"ContentType": content_type, "CacheControl": _cache_control(key)},
        )
        keys.append(key)
    s3.put_object(
        Bucket=bucket,
        Key="config.json",
        Body=json.dumps(config).encode(),
        ContentType="application/json",
        CacheControl=NO_CACHE,
    )
    keys.append("config.json")
    return keys


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stack", required=True, help="CloudFormation stack name, e.g. finpulse-dev")
    parser.add_argument("--region", default=None)
    args = parser.parse_args(argv)

    import boto3

    session = boto3.Session(region_name=args.region)
    outputs = stack_outputs(session.client("cloudformation"), args.stack)
    config = runtime_config(outputs)
    config["passwordPolicy"] = password_policy(session.client("cognito-idp"), outputs["UserPoolId"])
    keys = upload(session.client("s3"), outputs["SpaBucketName"], DIST, config)
    session.client("cloudfront").create_invalidation(
        DistributionId=outputs["SpaDistributionId"],
        InvalidationBatch={
            "Paths": {"Quantity": 2, "Items": ["/index.html", "/config.json"]},
            "CallerReference": f"publish-{int(time.time())}",
        },
    )
    print(f"published {len(keys)} files; open {outputs['SpaUrl']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
