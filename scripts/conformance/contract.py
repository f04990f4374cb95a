"""docs/openapi.yaml as JSON Schema validators, shared by the fixture check and the conformance kit.

`validator("Me")` validates against `#/components/schemas/Me`, with its `$ref`s resolved in the
document and formats (date, date-time) checked."""
import os

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SPEC_PATH = os.path.join(ROOT, "docs", "openapi.yaml")
_URI = "urn:training-account:openapi"

with open(SPEC_PATH, encoding="utf-8") as f:
    SPEC = yaml.safe_load(f)


def _limit_range():
    """The page sizes a back end must answer: the trainings' `limit` parameter's bounds."""
    operation = SPEC["paths"]["/v1/me/trainings"]["get"]
    limit = next(p for p in operation["parameters"] if p.get("name") == "limit")["schema"]
    return limit["minimum"], limit["maximum"]


MIN_LIMIT, MAX_LIMIT = _limit_range()

_REGISTRY = Registry().with_resource(_URI, Resource.from_contents(SPEC, default_specification=DRAFT202012))


def validator(name, many=False):
    """A validator for the component schema `name`, or for an array of them with `many`."""
    ref = {"$ref": f"{_URI}#/components/schemas/{name}"}
    schema = {"type": "array", "items": ref} if many else ref
    return Draft202012Validator(schema, registry=_REGISTRY, format_checker=Draft202012Validator.FORMAT_CHECKER)


def where(error):
    """The JSON path of a validation error, as `items[3].durationMinutes`."""
    out = ""
    for part in error.absolute_path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(the whole body)"


def problems(name, value, many=False):
    """Every way `value` breaks the schema `name`: (path, message) pairs, sorted."""
    found = []
    for e in validator(name, many).iter_errors(value):
        # a oneOf / nullable failure: name the deepest cause rather than "is not valid under any"
        leaf = min(e.context, key=lambda c: -len(c.absolute_path)) if e.context else e
        found.append((where(leaf), leaf.message if len(leaf.message) < 300 else leaf.message[:300] + "..."))
    return sorted(set(found))
