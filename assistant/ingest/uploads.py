"""The folder where files uploaded through the browser app are kept.

An upload is copied to `<upload folder>/<hash of its content>/<its name>`,
so two different files called `012.txt` never land on the same path (and so
never become the same article), while uploading the very same file again
lands on the same path and changes nothing. The copies are the articles'
sources; they belong to the app, which deletes one when no article comes
from it any more. Files anywhere else are the user's and are never deleted.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import shutil
from pathlib import Path

_UNSAFE_NAME = re.compile(r"[^\w.\- ]")
DIGEST_CHARS = 16
# The start of a copy's content hash that its label shows ("012.txt (upload 1a2b3c4d)").
LABEL_DIGEST_CHARS = 8
_LABEL = re.compile(rf"(?P<name>.+) \(upload (?P<digest>[0-9a-f]{{{LABEL_DIGEST_CHARS}}})\)")


class UploadFolder:
    """Content-addressed copies of uploaded files."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def keep(self, uploaded: str | Path) -> Path:
        """Copy an uploaded file in (if not already there) and return the copy's absolute path."""
        source = Path(uploaded)
        digest = _digest(source)
        name = _UNSAFE_NAME.sub("_", source.name).strip(" .") or "upload.txt"
        target = (self.folder / digest / name).resolve()
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(f".{name}.partial")
            shutil.copyfile(source, partial)
            partial.replace(target)
        return target

    def holds(self, path: str) -> bool:
        """Whether `path` is a copy kept here."""
        if not path:
            return False
        try:
            Path(path).resolve().relative_to(self.folder.resolve())
        except ValueError:
            return False
        return True

    def label(self, path: str) -> str | None:
        """How people see a kept copy: its file name and the start of its content hash."""
        if not self.holds(path):
            return None
        copy = Path(path)
        return f"{copy.name} (upload {copy.parent.name[:LABEL_DIGEST_CHARS]})"

    def labelled(self, label: str) -> str | None:
        """The path of the kept copy that `label` (as `label()` writes it) names, or None:
        people copy what they see into `show`, `remove` and `--source`."""
        match = _LABEL.fullmatch(label.strip())
        if match is None:
            return None
        for folder in sorted(self.folder.glob(f"{match['digest']}*")):
            copy = folder / match["name"]
            if copy.is_file():
                return str(copy.resolve())
        return None

    def discard(self, path: str) -> bool:
        """Delete a copy kept here (and its folder once empty); False for any other path."""
        if not self.holds(path):
            return False
        copy = Path(path).resolve()
        with contextlib.suppress(FileNotFoundError):
            copy.unlink()
        with contextlib.suppress(OSError):
            copy.parent.rmdir()  # only succeeds when empty
        return True


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:DIGEST_CHARS]
