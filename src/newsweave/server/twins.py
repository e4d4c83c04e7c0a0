"""Datasette's habit: a list route `PATH` has twins `PATH.json` (the same answer) and `PATH.csv`
(the same page of rows as CSV: the export's columns, names beside ids), with the same filters
and paging, so a table's current view can be fetched by a script or opened in a spreadsheet."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable

from fastapi import APIRouter, Response

from ..export.csv import table_csv


def add_twins(router: APIRouter, endpoint: Callable[..., Response], table: str, path: str = "") -> None:
    """Register `path.json` and `path.csv` beside the route `path` that `endpoint` answers with
    {"items": [...], ...}; `table`: the export table whose columns the CSV has."""
    router.add_api_route(f"{path}.json", endpoint, methods=["GET"], summary=f"{table} as JSON (the same answer)")

    @functools.wraps(endpoint)  # FastAPI reads the endpoint's parameters through __wrapped__
    def as_csv(*args, **kwargs) -> Response:
        answer = endpoint(*args, **kwargs)
        if answer.status_code != 200:
            return answer
        items = json.loads(bytes(answer.body))["items"]
        return Response(table_csv(table, items), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'inline; filename="{table}.csv"'})

    router.add_api_route(f"{path}.csv", as_csv, methods=["GET"], response_class=Response,
                         summary=f"{table} as CSV (this page of rows)")
