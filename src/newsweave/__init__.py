"""newsweave: a sourced model of a conflict from what is written about it.

    import newsweave
    corpus = newsweave.run(["articles/"], db="newsweave.db")
    corpus = newsweave.open("newsweave.db")
    corpus.events(actor="Haftar", type="AID")
    doc = newsweave.analyze_text("raw page text", published="2017-03-14")
"""

__version__ = "0.1.0"

from .api import Corpus, analyze_text, corrections, merge, open, rename, run, split  # noqa: E402,A004
from .document import Document, Event, Mention, Region  # noqa: E402
from .errors import InputError, NewsweaveError  # noqa: E402
from .settings import Settings  # noqa: E402

__all__ = [
    "Corpus", "Document", "Event", "InputError", "Mention", "NewsweaveError", "Region",
    "Settings", "analyze_text", "corrections", "merge", "open", "rename", "run", "split",
    "__version__",
]
