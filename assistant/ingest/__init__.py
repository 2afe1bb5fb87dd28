"""Getting articles in: reading files, chunking them for the embedder, writing them to the store.

`Ingestor` runs an ingest; `readers` turns files into `Article` records
(and names their sources); `UploadFolder` keeps files uploaded through the
app. Everything that reads article files lives in this package.
"""

from assistant.ingest.pipeline import Ingestor, ProgressCallback
from assistant.ingest.readers import (
    SUPPORTED_SUFFIXES,
    legacy_source_name,
    shown_source,
    source_name,
)
from assistant.ingest.uploads import UploadFolder

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Ingestor",
    "ProgressCallback",
    "UploadFolder",
    "legacy_source_name",
    "shown_source",
    "source_name",
]
