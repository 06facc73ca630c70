"""A small CloudFormation intrinsic-function resolver for the transformed template.

Only what a SAM template of this size needs: Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::If (with the
template's Conditions), Fn::Equals/Not/And/Or, Fn::Select, Fn::Split, Fn::FindInMap, Fn::Base64,
Fn::GetAZs and the pseudo parameters. How a Ref or GetAtt of a *resource* resolves is the caller's
business (the provisioner creates the resource on first reference), so the resolver takes callbacks.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

# Sentinel for AWS::NoValue: the key holding it disappears from the resolved structure.
NO_VALUE = object()

RefFn = Callable[[str], Any]
GetAttFn = Callable[[str, str], Any]

_SUB_VAR = re.compile(r"\$\{([^}]+)\}")


class IntrinsicError(ValueError):
    pass


def parameter_values(
    declared: Mapping[str, Mapping[str, Any]], overrides: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Template parameters: overrides first, then defaults; a parameter with neither is an error."""
    overrides = overrides or {}
    unknown = set(overrides) - set(declared)
    if unknown:
        raise IntrinsicError(f"unknown parameter override(s): {sorted(unknown)}")
    values: dict[str, Any] = {}
    for name, spec in declared.items():
        if name in overrides:
            value: Any = overrides[name]
        elif "Default" in spec:
            value = spec["Default"]
        else:
            raise IntrinsicError(f"parameter {name} has no default and no override")
        allowed = spec.get("AllowedValues")
        if allowed and value not in allowed:
            raise IntrinsicError(f"parameter {name}={value!r} is not one of {allowed}")
        if str(spec.get("Type", "String")) == "CommaDelimitedList" and isinstance(value, str):
            value = [v.strip() for v in value.split(",")]
        values[name] = value
    return values


class Resolver:
    """Resolves intrinsics in a template fragment. Conditions are evaluated lazily and cached."""

    def __init__(
        self,
        *,
        parameters: Mapping[str, Any],
        pseudo: Mapping[str, Any],
        conditions: Mapping[str, Any] | None = None,
        mappings: Mapping[str, Any] | None = None,
        resource_ref: RefFn,
        resource_getatt: GetAttFn,
    ) -> None:
        self._parameters = dict(parameters)
        self._pseudo = dict(pseudo)
        self._condition_defs = dict(conditions or {})
        self._mappings = dict(mappings or {})
        self._resource_ref = resource_ref
        self._resource_getatt = resource_getatt
        self._conditions: dict[str, bool] = {}

    # ------------------------------------------------------------------ public
    def resolve(self, value: Any) -> Any:
        out = self._resolve(value)
        return None if out is NO_VALUE else out

    def condition(self, name: str) -> bool:
        if name not in self._conditions:
            if name not in self._condition_defs:
                raise IntrinsicError(f"unknown condition {name}")
            self._conditions[name] = bool(self._resolve(self._condition_defs[name]))
        return self._conditions[name]

    def ref(self, name: str) -> Any:
        if name in self._pseudo:
            return self._pseudo[name]
        if name == "AWS::NoValue":
            return NO_VALUE
        if name in self._parameters:
            return self._parameters[name]
        return self._resource_ref(name)

    # ------------------------------------------------------------------ walk
    def _resolve(self, value: Any) -> Any:
        if isinstance(value, list):
            items = [self._resolve(v) for v in value]
            return [v for v in items if v is not NO_VALUE]
        if not isinstance(value, dict):
            return value
        if len(value) == 1:
            ((key, arg),) = value.items()
            handler = self._FUNCTIONS.get(key)
            # {"Condition": <name>} is a function only with a string argument; IAM statements use
            # a "Condition" key holding a mapping.
            if handler is not None and (key != "Condition" or isinstance(arg, str)):
                return handler(self, arg)
        out = {}
        for k, v in value.items():
            resolved = self._resolve(v)
            if resolved is not NO_VALUE:
                out[k] = resolved
        return out

    def _fn_ref(self, arg: Any) -> Any:
        return self.ref(str(self._resolve(arg)))

    def _fn_getatt(self, arg: Any) -> Any:
        if isinstance(arg, str):
            logical, _, attr = arg.partition(".")
        else:
            logical, attr = (str(self._resolve(a)) for a in arg)
        return self._resource_getatt(logical, attr)

    def _sub_lookup(self, name: str, local: Mapping[str, Any]) -> str:
        if name.startswith("!"):  # ${!Literal} is an escape for the text ${Literal}
            return "${" + name[1:] + "}"
        if name in local:
            return str(local[name])
        if "." in name and not name.startswith("AWS::"):
            logical, attr = name.split(".", 1)
            return str(self._resource_getatt(logical, attr))
        return str(self.ref(name))

    def _fn_sub(self, arg: Any) -> str:
        if isinstance(arg, str):
            text, local = arg, {}
        else:
            text, local_raw = arg
            local = {k: self._resolve(v) for k, v in local_raw.items()}
        return _SUB_VAR.sub(lambda m: self._sub_lookup(m.group(1), local), text)

    def _fn_join(self, arg: Any) -> str:
        sep, items = arg
        resolved = self._resolve(items)
        return str(sep).join(str(i) for i in resolved)

    def _fn_if(self, arg: Any) -> Any:
        name, when_true, when_false = arg
        return self._resolve(when_true if self.condition(name) else when_false)

    def _fn_equals(self, arg: Any) -> bool:
        left, right = (self._resolve(a) for a in arg)
        return bool(str(left) == str(right))

    def _fn_not(self, arg: Any) -> bool:
        return not self._truth(arg[0])

    def _fn_and(self, arg: Any) -> bool:
        return all(self._truth(a) for a in arg)

    def _fn_or(self, arg: Any) -> bool:
        return any(self._truth(a) for a in arg)

    def _truth(self, item: Any) -> bool:
        if isinstance(item, dict) and set(item) == {"Condition"}:
            return self.condition(item["Condition"])
        return bool(self._resolve(item))

    def _fn_condition(self, arg: Any) -> bool:
        return self.condition(str(arg))

    def _fn_select(self, arg: Any) -> Any:
        index, items = arg
        return self._resolve(items)[int(self._resolve(index))]

    def _fn_split(self, arg: Any) -> list[str]:
        sep, text = arg
        return str(self._resolve(text)).split(str(sep))

    def _fn_find_in_map(self, arg: Any) -> Any:
        name, top, second = (self._resolve(a) for a in arg)
        return self._mappings[name][top][second]

    def _fn_base64(self, arg: Any) -> str:
        return base64.b64encode(str(self._resolve(arg)).encode()).decode()

    def _fn_get_azs(self, arg: Any) -> list[str]:
        region = self._resolve(arg) or self._pseudo["AWS::Region"]
        return [f"{region}{suffix}" for suffix in "abc"]

    _FUNCTIONS: ClassVar[dict[str, Callable[[Resolver, Any], Any]]] = {
        "Ref": _fn_ref,
        "Fn::GetAtt": _fn_getatt,
        "Fn::Sub": _fn_sub,
        "Fn::Join": _fn_join,
        "Fn::If": _fn_if,
        "Fn::Equals": _fn_equals,
        "Fn::Not": _fn_not,
        "Fn::And": _fn_and,
        "Fn::Or": _fn_or,
        "Condition": _fn_condition,
        "Fn::Select": _fn_select,
        "Fn::Split": _fn_split,
        "Fn::FindInMap": _fn_find_in_map,
        "Fn::Base64": _fn_base64,
        "Fn::GetAZs": _fn_get_azs,
    }
