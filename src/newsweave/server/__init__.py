"""`newsweave serve`: the REST API and the offline web UI, served by one program.

`create_app(db)` builds the FastAPI application (one router per resource in `routes/`, over
the same query functions as the CLI); `serve()` runs it with uvicorn, bound to 127.0.0.1
unless told otherwise, a token required on every request (`security.py`), connections that
send nothing closed (`connections.py`).
"""

from .app import create_app
from .serve import serve

__all__ = ["create_app", "serve"]
