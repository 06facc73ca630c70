"""The intrinsic resolver the provisioner uses on the transformed template."""

from __future__ import annotations

from typing import Any

import pytest

from devstack.intrinsics import IntrinsicError, Resolver, parameter_values


def _resolver(**params: Any) -> Resolver:
    resources = {"Table": ("tbl-name", {"Arn": "arn:table"}), "Fn": ("fn-name", {"Arn": "arn:fn"})}
    return Resolver(
        parameters={"Env": "dev", "List": ["a", "b"], **params},
        pseudo={"AWS::Region": "eu-central-1", "AWS::AccountId": "123456789012", "AWS::Partition": "aws"},
        conditions={
            "IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
            "NotProd": {"Fn::Not": [{"Condition": "IsProd"}]},
        },
        mappings={"Sizes": {"dev": {"Memory": 256}}},
        resource_ref=lambda name: resources[name][0],
        resource_getatt=lambda name, attr: resources[name][1][attr],
    )


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ({"Ref": "Table"}, "tbl-name"),
        ({"Ref": "AWS::Region"}, "eu-central-1"),
        ({"Fn::GetAtt": ["Fn", "Arn"]}, "arn:fn"),
        ({"Fn::GetAtt": "Fn.Arn"}, "arn:fn"),
        ({"Fn::Sub": "x-${Env}-${Table}-${Fn.Arn}-${AWS::AccountId}"}, "x-dev-tbl-name-arn:fn-123456789012"),
        ({"Fn::Sub": ["${A}/${Env}", {"A": {"Ref": "Table"}}]}, "tbl-name/dev"),
        ({"Fn::Sub": "${!Literal}"}, "${Literal}"),
        ({"Fn::Join": [":", ["a", {"Ref": "Env"}]]}, "a:dev"),
        ({"Fn::If": ["IsProd", 90, 14]}, 14),
        ({"Fn::If": ["NotProd", "yes", "no"]}, "yes"),
        ({"Fn::Select": [1, {"Ref": "List"}]}, "b"),
        ({"Fn::Select": [0, {"Fn::Split": [",", "x,y"]}]}, "x"),
        ({"Fn::FindInMap": ["Sizes", {"Ref": "Env"}, "Memory"]}, 256),
        ({"Fn::Base64": "hi"}, "aGk="),
    ],
)
def test_resolves(expression: Any, expected: Any) -> None:
    assert _resolver().resolve(expression) == expected


def test_no_value_removes_keys_and_list_items() -> None:
    resolved = _resolver().resolve(
        {
            "Keep": 1,
            "Drop": {"Fn::If": ["IsProd", "x", {"Ref": "AWS::NoValue"}]},
            "L": [1, {"Ref": "AWS::NoValue"}],
        }
    )
    assert resolved == {"Keep": 1, "L": [1]}


def test_iam_condition_blocks_are_data_not_functions() -> None:
    statement = {"Effect": "Deny", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}
    assert _resolver().resolve(statement) == statement


def test_conditions_follow_parameter_overrides() -> None:
    assert _resolver(Env="prod").resolve({"Fn::If": ["IsProd", 90, 14]}) == 90


def test_parameter_values_defaults_overrides_and_validation() -> None:
    declared = {
        "Env": {"Type": "String", "Default": "dev", "AllowedValues": ["dev", "prod"]},
        "Names": {"Type": "CommaDelimitedList", "Default": "a, b"},
    }
    assert parameter_values(declared) == {"Env": "dev", "Names": ["a", "b"]}
    assert parameter_values(declared, {"Env": "prod"})["Env"] == "prod"
    with pytest.raises(IntrinsicError, match="not one of"):
        parameter_values(declared, {"Env": "staging"})
    with pytest.raises(IntrinsicError, match="unknown parameter"):
        parameter_values(declared, {"Nope": "x"})
    with pytest.raises(IntrinsicError, match="no default"):
        parameter_values({"Required": {"Type": "String"}})
