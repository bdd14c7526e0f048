"""scrapedown on Dask (``pip install 'scrapedown[dask]'``): clean millions of pages on a cluster.

    import dask.bag as db
    from scrapedown.dask import clean_bag, write_tree

    results = clean_bag("dump/**/*.html")                 # or a bag of (id, text) records
    write_tree(results, "clean/", base="dump/").compute()  # the tree ``scrapedown dump -o clean``
                                                           # writes; or clean_parquet(src, dest)

A result is ``(id, cleaned_text | None, error | None)``: a record that cannot be converted
carries its reason and never fails the job. The same batch also runs from the command line:
``scrapedown --engine dask [--scheduler ADDRESS] dump/ -o clean/``.

`scrapedown.clean` itself is pure and picklable, so ``bag.map(scrapedown.clean)`` works too;
these helpers add the CLI's decoding, safety net, per-record errors and output rules.
"""

from __future__ import annotations

try:
    import dask.bag  # noqa: F401 - fail here, with the fix, rather than deep inside a helper
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "scrapedown.dask needs Dask: pip install 'scrapedown[dask]'", name="dask"
    ) from exc

from scrapedown.dask._bag import Record, Result, clean_bag, expand, write_tree
from scrapedown.dask._parquet import clean_parquet

__all__ = [
    "Record",
    "Result",
    "clean_bag",
    "clean_parquet",
    "expand",
    "write_tree",
]
