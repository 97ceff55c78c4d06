"""Build the zip HACS installs, and the release notes, from the committed integration folder.

The version is read from manifest.json (its one source); CHANGELOG.md must have an entry for
it, which becomes the notes. The zip holds exactly the files git tracks under
custom_components/audit_trail/ (so the committed card bundle, never a stray cache), at the
zip's root as HACS's `zip_release` expects, with fixed timestamps so the same commit always
gives the same bytes. Standard library only: the release workflow runs it on a bare runner.

    python3 scripts/release_zip.py --out dist [--notes dist/notes.md]
    python3 scripts/release_zip.py --print-version
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "custom_components/audit_trail"
ZIP_NAME = json.loads((ROOT / "hacs.json").read_text())["filename"]
_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold: no build time leaks in
_SEMVER = re.compile(r"^\d+\.\d+\.\d+$")


def version() -> str:
    """Return the version manifest.json gives, checked to be plain semantic versioning."""
    found = str(json.loads((ROOT / PACKAGE / "manifest.json").read_text())["version"])
    if not _SEMVER.match(found):
        sys.exit(f"manifest.json version {found!r} is not MAJOR.MINOR.PATCH")
    return found


def notes(for_version: str) -> str:
    """Return the CHANGELOG.md entry of a version (without its heading)."""
    text = (ROOT / "CHANGELOG.md").read_text()
    match = re.search(
        rf"^## \[{re.escape(for_version)}\][^\n]*\n(.*?)(?=^## \[|^\[|\Z)",
        text,
        re.MULTILINE | re.DOTALL,
    )
    if match is None or not match.group(1).strip():
        sys.exit(f"CHANGELOG.md has no entry for {for_version}: write it before releasing")
    return match.group(1).strip() + "\n"


def tracked_files() -> list[str]:
    """Return the integration's files as git tracks them, relative to its folder, sorted."""
    out = subprocess.run(
        ["git", "ls-files", "-z", PACKAGE], cwd=ROOT, check=True, capture_output=True
    ).stdout.decode()
    return sorted(p.removeprefix(f"{PACKAGE}/") for p in out.split("\0") if p)


def build(out_dir: Path) -> Path:
    """Write the zip into out_dir and return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / ZIP_NAME
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in tracked_files():
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, (ROOT / PACKAGE / name).read_bytes())
    return target


def main() -> None:
    """Build the zip and the notes, or print the version."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--notes", type=Path)
    parser.add_argument("--print-version", action="store_true")
    args = parser.parse_args()
    current = version()
    if args.print_version:
        print(current)
        return
    text = notes(current)
    target = build(args.out)
    if args.notes is not None:
        args.notes.parent.mkdir(parents=True, exist_ok=True)
        args.notes.write_text(text)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    print(f"{target} ({target.stat().st_size} bytes, sha256 {digest}) for {current}")


if __name__ == "__main__":
    main()
