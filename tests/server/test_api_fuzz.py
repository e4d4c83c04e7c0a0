"""Fuzzing the REST API from its own OpenAPI schema (schemathesis), in process (issues 7, 12).

Every operation gets a few generated requests, valid and invalid (negative and huge numbers,
malformed dates, unicode and NUL in text, FTS5 syntax, unknown ids, wrong bodies), against the
hand-made database with hostile text; no answer may be a server error, and answers must match
the schema. Once as `serve --no-token` runs, once with a token on every request (as `serve` runs),
and every write once more as a cross-site page would send it: always refused. The cases this
found (a lone surrogate in a body, a 60,000-character name) are regression tests in
test_api_attacks.py.
"""

from __future__ import annotations

import os

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import response_schema_conformance  # noqa: E402

from newsweave.server import create_app  # noqa: E402
from newsweave.server.security import SAFE_METHODS  # noqa: E402
from newsweave.server.serve import plan  # noqa: E402
from nwserver_support import build_db  # noqa: E402

pytestmark = pytest.mark.slow

TOKEN = "fuzz-token-0123456789abcdef"
CHECKS = [not_a_server_error, response_schema_conformance]
# Small by default (the whole file runs in well under two minutes); raise it for a deeper pass.
EXAMPLES = int(os.environ.get("NEWSWEAVE_FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))


# The schema is read when the module is imported (schemathesis' fixture-based loader does not
# work with pytest 9); the database behind both apps is built by the fixture below.
OPEN_APP = create_app("not-built-yet.db")
_TOKEN, _ALLOWED, _ = plan("0.0.0.0", 8000, TOKEN)  # as `serve --host 0.0.0.0 --token …` builds it
TOKEN_APP = create_app("not-built-yet.db", token=_TOKEN, allowed_hosts=_ALLOWED)
open_api = schemathesis.openapi.from_asgi("/openapi.json", OPEN_APP)
token_api = schemathesis.openapi.from_asgi("/openapi.json", TOKEN_APP, headers={"X-Newsweave-Token": TOKEN})


@pytest.fixture(scope="module", autouse=True)
def fuzz_db(tmp_path_factory):
    db = build_db(tmp_path_factory.mktemp("fuzz") / "hand.db")
    for app in (OPEN_APP, TOKEN_APP):
        app.app.state.db = db  # the FastAPI app inside the Guard
    return db


@open_api.parametrize()
@FUZZ
def test_no_server_errors_without_a_token(case):
    case.call_and_validate(checks=CHECKS)


@token_api.parametrize()
@FUZZ
def test_no_server_errors_with_a_token(case):
    response = case.call_and_validate(checks=CHECKS, headers={"X-Newsweave-Token": TOKEN})
    assert response.status_code != 401


@token_api.include(method="POST").parametrize()
@FUZZ
def test_cross_site_writes_are_refused_whatever_the_body(case):
    for page in ({"Origin": "http://evil.example"}, {"Sec-Fetch-Site": "cross-site"}):
        response = case.call(headers={"X-Newsweave-Token": TOKEN, **page})
        # schemathesis also tries other methods on the path: the safe ones are simply not allowed
        expected = 405 if case.method.upper() in SAFE_METHODS else 403
        assert response.status_code == expected, (case.method, response.text)
