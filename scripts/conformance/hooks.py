"""Schemathesis checks for what docs/openapi.yaml cannot say in a schema, run on every response of
the generated requests (loaded by scripts/conformance/kit.py through SCHEMATHESIS_HOOKS).

Each check raises AssertionError with a sentence an implementer can act on."""
import json
import os
import re
from urllib.parse import urljoin, urlsplit

import schemathesis

from contract import MAX_LIMIT, MIN_LIMIT

API = os.environ.get("CONFORMANCE_BASE_URL", "").rstrip("/")
# answers that may come before a back end looks at the parameters at all
BEFORE_PARAMETERS = {401, 403, 429, 503}
INTEGER = re.compile(r"[+-]?[0-9]+")


def _operation(case):
    return f"{case.method.upper()} {case.operation.path}"


def _single(query, name):
    """A query parameter as sent: None when absent, "ambiguous" when it cannot be judged."""
    if not query or name not in query:
        return None
    value = query[name]
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict, float)):
        return "ambiguous"
    return str(value)


def _json(response):
    try:
        return json.loads(response.content)
    except ValueError:
        return None


@schemathesis.check
def required_year_is_400(ctx, response, case):
    """Entitlements and attendance: a request without `year`, or with one that is not a number, is a 400."""
    if case.operation.path not in ("/v1/me/entitlements", "/v1/me/attendance"):
        return None
    year = _single(case.query, "year")
    if year == "ambiguous" or (year is not None and INTEGER.fullmatch(year)):
        return None
    if response.status_code != 400 and response.status_code not in BEFORE_PARAMETERS:
        sent = "no year" if year is None else f"year={year!r}"
        raise AssertionError(f"{_operation(case)} with {sent} must answer 400, answered {response.status_code}")
    return None


@schemathesis.check
def limit_range(ctx, response, case):
    """Trainings: every `limit` in the contract's range is answered; anything else is a 400."""
    if case.operation.path != "/v1/me/trainings":
        return None
    limit = _single(case.query, "limit")
    if limit is None or limit == "ambiguous":
        return None
    status = response.status_code
    in_range = bool(INTEGER.fullmatch(limit)) and MIN_LIMIT <= int(limit) <= MAX_LIMIT
    if not in_range and status != 400 and status not in BEFORE_PARAMETERS:
        raise AssertionError(f"limit={limit!r} is outside {MIN_LIMIT}..{MAX_LIMIT}: the answer must be 400, it was {status}")
    if in_range and status == 400 and _surely_valid(case):
        raise AssertionError(f"limit={limit} is within {MIN_LIMIT}..{MAX_LIMIT} and must be answered, but the answer was 400")
    if in_range and status == 200:
        body = _json(response)
        items = body.get("items") if isinstance(body, dict) else None
        if isinstance(items, list) and len(items) > int(limit):
            raise AssertionError(f"limit={limit} asked for at most {limit} items, the page has {len(items)}")
    return None


def _surely_valid(case):
    """A trainings request that no back end may refuse: generated as valid data, only the documented
    parameters but `cursor`, in plain digits, and a year of four digits."""
    meta = getattr(case, "meta", None)
    if meta is not None and any(info.mode.is_negative for info in meta.components.values()):
        return False
    query = case.query or {}
    if not set(query) <= {"limit", "year", "employerId"}:
        return False
    limit, year, employer = (_single(query, k) for k in ("limit", "year", "employerId"))
    if limit is not None and not re.fullmatch(r"[0-9]{1,3}", limit):
        return False
    if year is not None and not re.fullmatch(r"[0-9]{4}", year):
        return False
    return employer is None or bool(re.fullmatch(r"[A-Za-z0-9._~-]{1,64}", employer))


@schemathesis.check
def next_link_on_api_origin(ctx, response, case):
    """Trainings: a `next` link resolves, against the response's URL, to a page of this API (its origin
    and base path), and is not the page itself."""
    if case.operation.path != "/v1/me/trainings" or response.status_code != 200:
        return None
    body = _json(response)
    nxt = body.get("next") if isinstance(body, dict) else None
    if not isinstance(nxt, str):
        return None
    here = response.request.url
    target = urljoin(here, nxt)
    t, a = urlsplit(target), urlsplit(API or here)
    if (t.scheme, t.netloc) != (a.scheme, a.netloc):
        raise AssertionError(
            f"next {nxt!r} leads to {t.scheme}://{t.netloc}, another origin than the API's "
            f"{a.scheme}://{a.netloc}: clients refuse it (resolve it against the response URL {here})")
    if API and not (t.path + "/").startswith(a.path.rstrip("/") + "/"):
        raise AssertionError(f"next {nxt!r} resolves to {target}, outside the API's base path {a.path}")
    if target == here:
        raise AssertionError(f"next {nxt!r} is the page itself ({here}): the paging never ends")
    return None


@schemathesis.check
def problem_status_matches(ctx, response, case):
    """An error's problem+json `status`, when present, is the HTTP status of the answer."""
    if response.status_code < 400:
        return None
    body = _json(response)
    status = body.get("status") if isinstance(body, dict) else None
    if isinstance(status, int) and not isinstance(status, bool) and status != response.status_code:
        raise AssertionError(f"the problem's status is {status}, the HTTP status {response.status_code}: they must agree")
    return None
