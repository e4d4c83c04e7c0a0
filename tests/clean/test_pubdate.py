"""Publication dates: written forms, precision, and where on the page they may come from."""

from __future__ import annotations

import pytest

from newsweave.clean import clean
from newsweave.clean.pubdate import parse_date
from newsweave.document import Document

PROSE = (
    "The minister said that the two governments had agreed to expand their cooperation on "
    "border security and to hold further talks in the capital with the regional leaders.\n\n"
    "Officials from both sides said the agreement would be signed before the end of the year, "
    "although several details of the deal were still being discussed by the delegations.\n"
)


@pytest.mark.parametrize("text, value, precision", [
    ("AFP, May 29 2017", "2017-05-29", "day"),
    ("Monday , 4 March 2024", "2024-03-04", "day"),
    ("JULY 2020", "2020-07", "month"),
    ("March 14, 2017 | Comments »", "2017-03-14", "day"),
    ("2017-05-29", "2017-05-29", "day"),
    ("2020-07", "2020-07", "month"),
    ("29.05.2017", "2017-05-29", "day"),
    ("Mar. 3, 2019", "2019-03-03", "day"),
    ("4. März 2024", "2024-03-04", "day"),
    ("no date here at all", None, None),
])
def test_parse_date(text, value, precision):
    found = parse_date(text)
    assert (found.value if found else None) == value
    assert (found.precision if found else None) == precision


def test_parse_time():
    assert parse_date("Posted May 30, 2017 at 7:01 pm", with_time=True).value == "2017-05-30T19:01"


@pytest.mark.parametrize("page, published, precision", [
    ("Talks on the border\nAFP, May 29 2017\n\n" + PROSE, "2017-05-29", "day"),
    ("Monday , 4 March 2024\nHome / News / Talks\n\nTalks on the border\n\n" + PROSE, "2024-03-04", "day"),
    ("JULY 2020\n\nTalks on the border\n\n" + PROSE, "2020-07", "month"),
    ("Talks on the border\n\n" + PROSE + "\nMarch 14, 2017 | Comments »\n\nLeave a Reply\n", "2017-03-14", "day"),
    ("Talks on the border\n\nPublished: 2019-02-01\n\n" + PROSE, "2019-02-01", "day"),
    ("Talks on the border\n\nPosted on 3 June 2018 by editor\n\n" + PROSE, "2018-06-03", "day"),
    # a date inside the body is no publication date
    ("Talks on the border\n\n" + PROSE + "The next round is due on May 20, 2019, the ministry said in a statement on the talks.\n", None, None),
    # nor is a reader comment's
    ("Talks on the border\n\n" + PROSE + "\n  1. Jane Doe\n    Posted May 30, 2017 at 7:01 am | Permalink\n\n    Not again, this is the third time.\n"
     "  2. Bob Ray\n    Posted May 30, 2017 at 8:01 am | Permalink\n\n    Time will tell.\n", None, None),
])
def test_published(page, published, precision):
    doc = clean(Document(id="t", name="t", path="t", raw=page))
    assert doc.published == published
    assert doc.published_precision == precision
