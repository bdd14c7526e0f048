"""Parquet in, Parquet out: the text column cleaned in place, an error column added.

dask.dataframe needs pandas, and Parquet needs pyarrow; neither is in the ``dask`` extra (together
with numpy they weigh about 300 MB installed), so they are looked for only when this is called.
"""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path
from typing import Any

from scrapedown.batch.worker import Settings
from scrapedown.dask._bag import clean_record
from scrapedown.options import DEFAULT_OPTIONS, Options

#: The column added to the output: None where the row was cleaned, else the one-line reason.
ERROR_COLUMN = "scrapedown_error"


def clean_parquet(
    source: str | Path,
    dest: str | Path,
    *,
    column: str = "text",
    id_column: str | None = None,
    options: Options | None = None,
    verify: bool = True,
) -> None:
    """Read the Parquet dataset `source`, clean its `column` and write the dataset `dest`.

    Every other column is kept. `column` holds the cleaned text, or null where the row could not
    be converted; ``scrapedown_error`` then says why. `id_column` (default: the index) names
    each row: a name ending in ``.html``/``.htm`` is decoded as an HTML page, as in the CLI.
    """
    dd = _dataframe_module()
    settings = Settings(options or DEFAULT_OPTIONS, write=False, diff=False, verify=verify)
    frame = dd.read_parquet(str(source))
    # The output schema, from the empty frame: Dask need not run the pipeline on fake rows.
    meta = _clean_frame(frame._meta, column, id_column, settings)
    cleaned = frame.map_partitions(_clean_frame, column, id_column, settings, meta=meta)
    # An unnamed index is Dask's own numbering of the rows (written as __null_dask_index__).
    cleaned.to_parquet(str(dest), write_index=frame.index.name is not None)


def _dataframe_module() -> Any:
    missing = [name for name in ("pandas", "pyarrow") if importlib.util.find_spec(name) is None]
    if missing:
        raise ModuleNotFoundError(
            f"scrapedown.dask.clean_parquet needs {' and '.join(missing)} "
            "(pip install 'dask[dataframe]' pyarrow)",
            name=missing[0],
        )
    return importlib.import_module("dask.dataframe")


def _clean_frame(frame: Any, column: str, id_column: str | None, settings: Settings) -> Any:
    """One pandas partition (typed Any: pandas is optional and ships no type information)."""
    pd = importlib.import_module("pandas")
    keys = frame.index if id_column is None else frame[id_column]
    results = [
        clean_record((str(key), text), settings)
        if isinstance(text, str | bytes)
        else (str(key), None, "no text (null)")
        for key, text in zip(keys, frame[column], strict=True)
    ]
    # A nullable string dtype for both columns, so partitions that are all-null or all-text
    # write the same Parquet schema.
    return frame.assign(
        **{
            column: pd.Series([r[1] for r in results], index=frame.index, dtype="string"),
            ERROR_COLUMN: pd.Series([r[2] for r in results], index=frame.index, dtype="string"),
        }
    )
