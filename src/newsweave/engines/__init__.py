"""Engines that map the per-document stages over a corpus beyond the built-in process pool.

An engine has `submit(docs) -> Pending` (results later, in input order, via `Pending.result()`),
`map(docs) -> list[Document | InputError]`, `window` (how many batches the runner may keep in
flight) and `close()`. The local engine lives in `runner.py`; `dask.py` needs the optional
`dask` extra (`pip install newsweave[dask]`).
"""
