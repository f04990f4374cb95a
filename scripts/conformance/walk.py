"""The conformance kit's walk: reads the account as the app does and checks what no single answer
shows. Every answer is also validated against docs/openapi.yaml (formats included).

Checks (names as printed in the summary):
  auth_enforced           with --token: no token, or a wrong one, gives 401 problem+json
  response_schema         every answer read here has its documented status, type and schema
  ledger_employers        the ledger's employers are those of /v1/me, one item each
  ledger_matches_entitlements  a ledger year's `entitled` = that year's entitlement `total`, same unit
  ledger_matches_attendance    a ledger year's `attended` = that year's attendance `attended`, same unit
  year_echo               entitlements and attendance answer the year asked
  entitlement_rules       value = fullTimeValue x regimeFraction x monthsCounted / 12; total = value + sectoral
  attendance_rules        attended = formal + informal
  ledger_rules            carriedOut = max(0, carriedIn + entitled - attended); next carriedIn = carriedOut
  paging                  `next` links stay on the API, never repeat, end within the page cap; pages hold
                          at most `limit` items; `total` is the number of items; no training twice
  paging_agrees           limit=25, limit=500 and the back end's own page size give the same history
  newest_first            the history is sorted by startDate, newest first
  training_employer       every training's employerId is an employer of /v1/me
  filter_year             ?year=Y gives exactly the trainings that start in Y
  filter_employer         ?employerId=E gives exactly the trainings of employer E
  training_by_id          /v1/me/trainings/{id} is the same object as in the list
  unknown_training_404    an unknown id gives 404 problem+json
  required_year           entitlements and attendance without year give 400 problem+json
  limit_range             limit 0, 501, -1 or "ten" give 400 problem+json; limit=1 gives one item at most
Amounts are compared within 0.01."""
import re
import uuid
from urllib.parse import quote, urlencode, urljoin, urlsplit

import requests

from contract import MAX_LIMIT, problems

TOLERANCE = 0.01
PAGE_CAP = 400  # pages followed before the paging counts as endless
SMALL_PAGE = 25


def close(a, b):
    return isinstance(a, (int, float)) and isinstance(b, (int, float)) and abs(a - b) <= TOLERANCE + 1e-9


def num(x):
    return x if isinstance(x, (int, float)) and not isinstance(x, bool) else None


class Walker:
    def __init__(self, base_url, headers, with_token):
        self.base = base_url.rstrip("/")
        parts = urlsplit(self.base)
        self.origin = (parts.scheme, parts.netloc)
        self.base_path = parts.path.rstrip("/")
        self.headers = dict(headers)
        self.with_token = with_token
        self.session = requests.Session()
        self.session.headers.update({"Accept": "application/json, application/problem+json"})
        self.failures, self.log, self.passed = [], [], 0
        self._cache = {}
        self._repeats = {}

    # --- bookkeeping -------------------------------------------------------------------------

    def fail(self, check, endpoint, what, same=None):
        """Records a failure; one that `same` says was seen already (the same training on another
        page) is counted, not repeated."""
        if same is not None:
            key = (check, same)
            if key in self._repeats:
                k, n = self._repeats[key]
                self._repeats[key] = (k, n + 1)
                c, e, w = self.failures[k]
                self.failures[k] = (c, e, re.sub(r" \(seen in \d+ answers\)$", "", w) + f" (seen in {n + 1} answers)")
                return
            self._repeats[key] = (len(self.failures), 1)
        self.failures.append((check, endpoint, what))
        self.log.append(f"FAIL [{check}] {endpoint}: {what}")

    def ok(self, check, what):
        self.passed += 1
        self.log.append(f"ok   [{check}] {what}")

    def endpoint(self, url):
        """`GET /v1/me/...` for a URL of this API."""
        p = urlsplit(url)
        path = p.path[len(self.base_path):] if p.path.startswith(self.base_path) else p.path
        return f"GET {path}" + (f"?{p.query}" if p.query else "")

    # --- HTTP --------------------------------------------------------------------------------

    def request(self, url, headers=None):
        h = dict(self.headers) if headers is None else headers
        try:
            return self.session.get(url, headers=h, timeout=15, allow_redirects=False)
        except requests.RequestException as e:
            self.fail("response_schema", self.endpoint(url), f"no answer: {e}")
            return None

    def fetch(self, path, schema, query=None, check="response_schema"):
        """GET path (relative to the base) or an absolute URL; the JSON body of a 200 that was
        checked against `schema`, or None (the failure is recorded)."""
        url = path if path.startswith("http") else self.base + path
        if query:
            url += "?" + urlencode(query)
        if url in self._cache:
            return self._cache[url]
        body = self._fetch(url, schema, check)
        self._cache[url] = body
        return body

    def _fetch(self, url, schema, check):
        where = self.endpoint(url)
        r = self.request(url)
        if r is None:
            return None
        if r.status_code != 200:
            self.fail(check, where, f"answered {r.status_code}, expected 200{self._detail(r)}")
            return None
        kind = r.headers.get("Content-Type", "")
        if not kind.split(";")[0].strip().lower() == "application/json":
            self.fail("response_schema", where, f"Content-Type is {kind!r}, expected application/json")
        try:
            body = r.json()
        except ValueError:
            self.fail("response_schema", where, "the body is not JSON")
            return None
        found = problems(schema, body)
        for path, message in found[:5]:
            same = None
            m = re.match(r"items\[(\d+)\](.*)", path)
            if schema == "TrainingPage" and m and isinstance(body, dict):
                # name the training: the same one comes back on other pages and in the filters
                item = body["items"][int(m.group(1))]
                tid = item.get("id") if isinstance(item, dict) else None
                path = f"{path} (training {tid})" if tid is not None else path
                same = f"{tid}{m.group(2)}: {message}"
            elif schema == "Training":
                same = f"{body.get('id') if isinstance(body, dict) else None}.{path}: {message}"
            self.fail("response_schema", where, f"{path}: {message} (schema {schema})", same)
        if len(found) > 5:
            self.fail("response_schema", where, f"and {len(found) - 5} more problems with schema {schema}")
        return body

    @staticmethod
    def _detail(r):
        try:
            d = r.json()
            text = d.get("detail") or d.get("title")
            return f" ({text})" if text else ""
        except (ValueError, AttributeError):
            return ""

    def expect_problem(self, check, url, status, headers=None, how=""):
        """The answer to url is `status` with a problem+json body; True when it is. `how` says
        how the request was made, when not as usual."""
        where = self.endpoint(url) + (f" ({how})" if how else "")
        r = self.request(url, headers)
        if r is None:
            return False
        if r.status_code != status:
            self.fail(check, where, f"answered {r.status_code}, expected {status}")
            return False
        kind = r.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if kind != "application/problem+json":
            self.fail(check, where, f"the {status} has Content-Type {kind!r}, expected application/problem+json")
            return False
        try:
            body = r.json()
        except ValueError:
            self.fail(check, where, f"the {status}'s body is not JSON")
            return False
        bad = problems("Problem", body)
        for path, message in bad[:3]:
            self.fail(check, where, f"problem body: {path}: {message}")
        if isinstance(body, dict) and body.get("status") not in (None, status):
            self.fail(check, where, f"the problem's status is {body.get('status')!r}, the HTTP status {status}")
            return False
        return not bad

    # --- the checks --------------------------------------------------------------------------

    def run(self):
        if self.with_token:
            self.check_auth()
        me = self.fetch("/v1/me", "Me")
        if not isinstance(me, dict):
            self.fail("response_schema", "GET /v1/me", "the other checks need /v1/me: stopped here")
            return
        employers = [e.get("id") for e in me.get("employers") or [] if isinstance(e, dict)]
        self.guard("ledger", self.check_ledger, employers)
        self.guard("trainings", self.check_trainings, employers)
        self.guard("required_year", self.check_required_year)
        self.guard("limit_range", self.check_limits)

    def guard(self, check, fn, *args):
        """Runs a group of checks; a body of the wrong shape fails it instead of stopping the kit."""
        try:
            fn(*args)
        except (TypeError, KeyError, AttributeError, ValueError) as e:
            self.fail(check, "-", f"could not be checked: an answer has the wrong shape ({type(e).__name__}: {e})")

    def check_auth(self):
        url = self.base + "/v1/me"
        none = {k: v for k, v in self.headers.items() if k.lower() != "authorization"}
        ok = self.expect_problem("auth_enforced", url, 401, headers=none, how="without a token")
        wrong = dict(none, Authorization=f"Bearer conformance-kit-not-a-token-{uuid.uuid4().hex}")
        ok = self.expect_problem("auth_enforced", url, 401, headers=wrong, how="with a wrong token") and ok
        if ok:
            self.ok("auth_enforced", "GET /v1/me without a token and with a wrong one: 401 problem+json")

    def year_items(self, kind, year):
        """The items of /v1/me/{kind}?year=Y by employer id, or None."""
        schema = "Entitlements" if kind == "entitlements" else "Attendance"
        body = self.fetch(f"/v1/me/{kind}", schema, {"year": year})
        if not isinstance(body, dict):
            return None
        if body.get("year") != year:
            self.fail("year_echo", f"GET /v1/me/{kind}?year={year}", f"answered year {body.get('year')!r}")
        items = [i for i in body.get("items") or [] if isinstance(i, dict)]
        self.check_item_rules(kind, year, items)
        return {i.get("employerId"): i for i in items}

    def check_item_rules(self, kind, year, items):
        key = (kind, year)
        if key in self._cache:
            return
        self._cache[key] = True
        where = f"GET /v1/me/{kind}?year={year}"
        bad = 0
        for i in items:
            e = i.get("employerId")
            if kind == "entitlements":
                ind = i.get("individual") or {}
                ftv, rf, mc, v = (num(ind.get(k)) for k in ("fullTimeValue", "regimeFraction", "monthsCounted", "value"))
                if None not in (ftv, rf, mc, v) and not close(v, round(ftv * rf * mc / 12, 2)):
                    bad += 1
                    self.fail("entitlement_rules", where, f"employer {e}: individual.value {v} is not "
                              f"fullTimeValue x regimeFraction x monthsCounted / 12 = {ftv} x {rf} x {mc} / 12 = "
                              f"{round(ftv * rf * mc / 12, 2)}")
                sect = [num(s.get("value")) for s in i.get("sectoral") or [] if isinstance(s, dict)]
                total = num(i.get("total"))
                if v is not None and total is not None and None not in sect and not close(total, v + sum(sect)):
                    bad += 1
                    self.fail("entitlement_rules", where, f"employer {e}: total {total} is not individual.value "
                              f"+ sectoral = {round(v + sum(sect), 2)}")
            else:
                a, f, inf = (num(i.get(k)) for k in ("attended", "formal", "informal"))
                if None not in (a, f, inf) and not close(a, f + inf):
                    bad += 1
                    self.fail("attendance_rules", where, f"employer {e}: attended {a} is not formal + informal = "
                              f"{round(f + inf, 2)}")
        if not bad and items:
            self.ok(f"{'entitlement' if kind == 'entitlements' else 'attendance'}_rules",
                    f"{where}: {len(items)} item(s) add up")

    def check_ledger(self, employers):
        ledger = self.fetch("/v1/me/carry-over", "CarryOver")
        if not isinstance(ledger, dict):
            return
        items = [i for i in ledger.get("items") or [] if isinstance(i, dict)]
        where = "GET /v1/me/carry-over"
        ids = [i.get("employerId") for i in items]
        bad = 0
        for e in ids:
            if e not in employers:
                bad += 1
                self.fail("ledger_employers", where, f"ledger item for employerId {e!r}, which is not an employer "
                          f"of /v1/me ({', '.join(map(str, employers)) or 'none'})")
        for e in employers:
            if ids.count(e) != 1:
                bad += 1
                self.fail("ledger_employers", where, f"employer {e!r} of /v1/me has {ids.count(e)} ledger items, "
                          f"expected one")
        if not bad:
            self.ok("ledger_employers", f"{where}: one item for each of the {len(employers)} employer(s) of /v1/me")

        for item in items:
            e, unit = item.get("employerId"), item.get("unit")
            years = [y for y in item.get("years") or [] if isinstance(y, dict)]
            self.check_ledger_rules(where, item, years)
            agree = {"ledger_matches_entitlements": 0, "ledger_matches_attendance": 0}
            for row in years:
                y = row.get("year")
                if not isinstance(y, int) or isinstance(y, bool):
                    continue
                for kind, field, their, check in (("entitlements", "entitled", "total", "ledger_matches_entitlements"),
                                                  ("attendance", "attended", "attended", "ledger_matches_attendance")):
                    by_employer = self.year_items(kind, y)
                    if by_employer is None:
                        continue
                    other = by_employer.get(e)
                    w = f"GET /v1/me/{kind}?year={y}"
                    if other is None:
                        self.fail(check, w, f"the ledger of employer {e!r} has {y} ({field} {row.get(field)}), "
                                  f"but this answer has no item for {e!r}")
                    elif not close(row.get(field), other.get(their)):
                        self.fail(check, w, f"employer {e!r}, {y}: the ledger's {field} is {row.get(field)}, "
                                  f"this answer's {their} is {other.get(their)}")
                    elif other.get("unit") != unit:
                        self.fail(check, w, f"employer {e!r}, {y}: the ledger counts in {unit}, this answer in "
                                  f"{other.get('unit')}")
                    else:
                        agree[check] += 1
            for check, n in agree.items():
                if n and n == len(years):
                    self.ok(check, f"employer {e!r}: {n} ledger year(s) agree, in {unit}")

    def check_ledger_rules(self, where, item, years):
        e = item.get("employerId")
        forfeited = item.get("forfeited")
        forfeit_year = str(forfeited.get("on", ""))[:4] if isinstance(forfeited, dict) else None
        bad, chain = 0, True
        for k, row in enumerate(years):
            y = row.get("year")
            cin, ent, att, cout = (num(row.get(f)) for f in ("carriedIn", "entitled", "attended", "carriedOut"))
            if None in (cin, ent, att, cout):
                continue
            if str(y) == forfeit_year:
                chain = False  # the balance was forfeited this year: the rules stop here
                continue
            if not chain:
                continue
            want = max(0.0, cin + ent - att)
            if not close(cout, want):
                bad += 1
                self.fail("ledger_rules", where, f"employer {e!r}, {y}: carriedOut {cout} is not max(0, carriedIn "
                          f"+ entitled - attended) = max(0, {cin} + {ent} - {att}) = {round(want, 2)}")
            if k + 1 < len(years):
                nxt = num(years[k + 1].get("carriedIn"))
                if nxt is not None and not close(nxt, cout):
                    bad += 1
                    self.fail("ledger_rules", where, f"employer {e!r}: {years[k + 1].get('year')}'s carriedIn {nxt} "
                              f"is not {y}'s carriedOut {cout}")
        if not bad and years:
            self.ok("ledger_rules", f"employer {e!r}: the carry chain of {len(years)} year(s) holds")

    def walk(self, query, check="paging"):
        """Every training of the history from the first page on, or None when the paging fails."""
        url = self.base + "/v1/me/trainings" + ("?" + urlencode(query) if query else "")
        first_where = self.endpoint(url)
        limit = query.get("limit")
        seen, items, total, pages = set(), [], None, 0
        while url:
            where = self.endpoint(url)
            if url in seen:
                self.fail(check, where, f"the next links come back to a page already read: the paging never ends "
                          f"(from {first_where})")
                return None
            if pages >= PAGE_CAP:
                self.fail(check, first_where, f"the paging did not end within {PAGE_CAP} pages")
                return None
            seen.add(url)
            pages += 1
            page = self.fetch(url, "TrainingPage")
            if not isinstance(page, dict) or not isinstance(page.get("items"), list):
                return None
            got = page["items"]
            if limit is not None and len(got) > limit:
                self.fail(check, where, f"limit={limit} but the page has {len(got)} items")
            if page.get("total") is not None:
                if total is None:
                    total = page["total"]
                elif page["total"] != total:
                    self.fail(check, where, f"total changed from {total} to {page['total']} while paging")
            items += [t for t in got if isinstance(t, dict)]
            nxt = page.get("next")
            if nxt is None:
                break
            if not isinstance(nxt, str):
                return None
            target = urljoin(url, nxt)
            t = urlsplit(target)
            if (t.scheme, t.netloc) != self.origin:
                self.fail(check, where, f"next {nxt!r} leads to another origin ({t.scheme}://{t.netloc}); it must "
                          f"stay on the API's origin {self.origin[0]}://{self.origin[1]}")
                return None
            if not (t.path + "/").startswith(self.base_path + "/"):
                self.fail(check, where, f"next {nxt!r} resolves to {target}, outside the API's base path "
                          f"{self.base_path or '/'}")
                return None
            if len(got) == 0:
                self.fail(check, where, "a page with no items links to a next page")
            url = target
        ids = [t.get("id") for t in items]
        if len(set(ids)) != len(ids):
            twice = sorted({i for i in ids if ids.count(i) > 1}, key=str)[:5]
            self.fail(check, first_where, f"trainings listed more than once: {', '.join(map(str, twice))}")
            return None
        if total is not None and total != len(items):
            self.fail(check, first_where, f"total is {total}, but the pages hold {len(items)} trainings")
            return None
        self.ok(check, f"{first_where}: {len(items)} trainings in {pages} page(s), next links on the API, ends")
        return items

    def check_trainings(self, employers):
        history = self.walk({"limit": SMALL_PAGE})
        if history is None:
            return
        ids = [t.get("id") for t in history]
        for query in ({"limit": MAX_LIMIT}, {}):
            other = self.walk(query)
            if other is not None:
                if [t.get("id") for t in other] != ids:
                    self.fail("paging_agrees", self.endpoint(self.base + "/v1/me/trainings?" + urlencode(query)),
                              f"a different history than with limit={SMALL_PAGE} ({len(other)} against {len(ids)} "
                              f"trainings, or another order)")
                else:
                    self.ok("paging_agrees", f"limit={query.get('limit', 'none')} and limit={SMALL_PAGE}: the same "
                            f"{len(ids)} trainings")

        starts = [str(t.get("startDate")) for t in history]
        wrong = [k for k in range(1, len(starts)) if starts[k] > starts[k - 1]]
        if wrong:
            k = wrong[0]
            self.fail("newest_first", "GET /v1/me/trainings", f"{ids[k]} ({starts[k]}) comes after {ids[k - 1]} "
                      f"({starts[k - 1]}): newest startDate first ({len(wrong)} such places)")
        else:
            self.ok("newest_first", f"GET /v1/me/trainings: {len(history)} trainings, newest startDate first")

        strangers = {}
        for t in history:
            if t.get("employerId") not in employers:
                strangers.setdefault(t.get("employerId"), []).append(t.get("id"))
        for e, which in strangers.items():
            self.fail("training_employer", "GET /v1/me/trainings", f"{len(which)} training(s) have employerId "
                      f"{e!r}, not an employer of /v1/me ({', '.join(map(str, employers))}): e.g. {which[0]}")
        if not strangers:
            self.ok("training_employer", f"all {len(history)} trainings have an employer of /v1/me")

        years = sorted({s[:4] for s in starts if s[:4].isdigit()}, reverse=True)[:5]
        for y in years:
            got = self.walk({"year": int(y), "limit": MAX_LIMIT}, check="filter_year")
            if got is not None:
                want = [t.get("id") for t in history if str(t.get("startDate")).startswith(y + "-")]
                self.compare("filter_year", f"GET /v1/me/trainings?year={y}", got, want, f"start in {y}")
        for e in employers:
            got = self.walk({"employerId": e, "limit": MAX_LIMIT}, check="filter_employer")
            if got is not None:
                want = [t.get("id") for t in history if t.get("employerId") == e]
                self.compare("filter_employer", f"GET /v1/me/trainings?employerId={e}", got, want, f"are with {e}")

        sample = history[:3] + history[-2:] if len(history) > 5 else history
        same = 0
        for t in sample:
            tid = str(t.get("id"))
            one = self.fetch(f"/v1/me/trainings/{quote(tid, safe='')}", "Training", check="training_by_id")
            if one is None:
                continue
            if one != t:
                diff = sorted(k for k in set(one) | set(t) if one.get(k) != t.get(k))
                self.fail("training_by_id", f"GET /v1/me/trainings/{tid}", f"not the same object as in the list "
                          f"(differs in {', '.join(diff)})")
            else:
                same += 1
        if sample and same == len(sample):
            self.ok("training_by_id", f"{same} trainings read one by one are the list's objects")
        missing = f"conformance-kit-no-such-training-{uuid.uuid4().hex[:12]}"
        if self.expect_problem("unknown_training_404", f"{self.base}/v1/me/trainings/{missing}", 404):
            self.ok("unknown_training_404", f"GET /v1/me/trainings/{missing}: 404 problem+json")

    def compare(self, check, where, got, want, words):
        ids = [t.get("id") for t in got]
        if sorted(map(str, ids)) != sorted(map(str, want)):
            extra = [i for i in ids if i not in want][:3]
            lost = [i for i in want if i not in ids][:3]
            self.fail(check, where, f"{len(ids)} trainings, but {len(want)} of the full history {words}"
                      + (f"; not expected: {', '.join(map(str, extra))}" if extra else "")
                      + (f"; missing: {', '.join(map(str, lost))}" if lost else ""))
        else:
            self.ok(check, f"{where}: the {len(ids)} trainings that {words}")

    def check_required_year(self):
        good = 0
        for kind in ("entitlements", "attendance"):
            good += self.expect_problem("required_year", f"{self.base}/v1/me/{kind}", 400)
        if good == 2:
            self.ok("required_year", "entitlements and attendance without year: 400 problem+json")

    def check_limits(self):
        good = 0
        for bad in ("0", "501", "-1", "ten"):
            good += self.expect_problem("limit_range", f"{self.base}/v1/me/trainings?limit={bad}", 400)
        page = self.fetch("/v1/me/trainings", "TrainingPage", {"limit": 1}, check="limit_range")
        if isinstance(page, dict) and isinstance(page.get("items"), list):
            if len(page["items"]) > 1:
                self.fail("limit_range", "GET /v1/me/trainings?limit=1", f"{len(page['items'])} items on the page")
            else:
                good += 1
        if good == 5:
            self.ok("limit_range", "limit 0, 501, -1 and ten: 400 problem+json; limit=1: one item at most")
