"""Getting articles in: reading files and web pages, chunking them for the embedder, writing
them to the store, and keeping registered sources (feeds, pages, folders) in sync.

`Ingestor` runs an ingest; `readers` turns files into `Article` records
(and names their sources); `Fetcher` fetches web pages and feeds within
limits; `SourceSync` reads and registers sources and syncs them;
`UploadFolder` keeps files uploaded through the app. Everything that reads
articles lives in this package.
"""

from assistant.ingest.feeds import FeedProblem, parse_feed
from assistant.ingest.fetch import FEED_TYPES, Fetched, Fetcher, FetchFailed, Request
from assistant.ingest.pipeline import Ingestor, ProgressCallback
from assistant.ingest.readers import (
    SUPPORTED_SUFFIXES,
    legacy_source_name,
    shown_source,
    source_name,
    split_addresses,
)
from assistant.ingest.sources import SourceSync, recount
from assistant.ingest.uploads import UploadFolder

__all__ = [
    "FEED_TYPES",
    "SUPPORTED_SUFFIXES",
    "FeedProblem",
    "FetchFailed",
    "Fetched",
    "Fetcher",
    "Ingestor",
    "ProgressCallback",
    "Request",
    "SourceSync",
    "UploadFolder",
    "legacy_source_name",
    "parse_feed",
    "recount",
    "shown_source",
    "source_name",
    "split_addresses",
]
