"""Many files through the pipeline, shared by the command line and `scrapedown.dask`: file
discovery (`files`), tasks (`tasks`), one file's read, clean, check and write (`worker`, `io`),
the process pool (`parallel`), the cache of clean files (`cache`) and signal handling
(`signals`). Importing this package loads none of its modules."""
