"""Issue 13: what a HACS reviewer and hassfest judge from the files, checked on every run.

The GitHub actions (hassfest, HACS) need GitHub and run in .github/workflows/validate.yml;
these are the checks that can be made from the checkout alone.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import yaml
from homeassistant.const import Platform

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "custom_components" / "audit_trail"
MANIFEST = json.loads((PACKAGE / "manifest.json").read_text())
HACS_KEYS = {
    "name", "content_in_root", "zip_release", "filename", "hide_default_branch", "country",
    "homeassistant", "hacs", "render_readme", "persistent_directory",
}  # fmt: skip
# Integrations hassfest lets any integration use without declaring them.
ALWAYS_ALLOWED = {p.value for p in Platform} | {"diagnostics", "system_health", "repairs"}


def test_licence_is_apache_as_pyproject_says() -> None:
    licence = (ROOT / "LICENSE").read_text()
    assert licence.lstrip().startswith("Apache License")
    assert "Version 2.0, January 2004" in licence
    assert "END OF TERMS AND CONDITIONS" in licence
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "Apache-2.0"
    assert "version" not in project  # manifest.json is the one source


def test_hacs_json_is_valid_and_zip_releases_name_their_file() -> None:
    hacs = json.loads((ROOT / "hacs.json").read_text())
    assert set(hacs) <= HACS_KEYS
    assert hacs["name"] == MANIFEST["name"]
    assert hacs["zip_release"] is True
    assert hacs["filename"].endswith(".zip")
    assert re.fullmatch(r"\d{4}\.\d{1,2}\.\d+", hacs["homeassistant"])
    assert f"**{hacs['homeassistant']}**" in (ROOT / "README.md").read_text()


def test_manifest_as_hassfest_wants_it() -> None:
    keys = list(MANIFEST)
    assert keys[:2] == ["domain", "name"]
    assert keys[2:] == sorted(keys[2:])
    for key in ("codeowners", "documentation", "issue_tracker", "version", "iot_class"):
        assert MANIFEST[key], key
    assert MANIFEST["documentation"].startswith("https://")
    assert re.fullmatch(r"\d+\.\d+\.\d+", MANIFEST["version"])
    declared = set(MANIFEST.get("dependencies", [])) | set(MANIFEST.get("after_dependencies", []))
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "homeassistant.components."
            ):
                used = node.module.split(".")[2]  # type: ignore[union-attr]
                assert used in declared | ALWAYS_ALLOWED, (path.name, used)


def test_changelog_has_the_manifest_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text()
    assert "## [Unreleased]" in changelog
    assert re.search(rf"^## \[{re.escape(MANIFEST['version'])}\] - \d{{4}}-\d\d-\d\d$",
                     changelog, re.MULTILINE)  # fmt: skip
    assert (ROOT / "CONTRIBUTING.md").exists()


def test_release_zip_is_the_integration_folder_and_reproducible(tmp_path: Path) -> None:
    script = ROOT / "scripts" / "release_zip.py"
    names = []
    digests = []
    for run in ("a", "b"):
        out = tmp_path / run
        subprocess.run(  # noqa: S603 - our own script
            [sys.executable, script, "--out", out, "--notes", out / "notes.md"],
            check=True, capture_output=True,
        )  # fmt: skip
        target = out / json.loads((ROOT / "hacs.json").read_text())["filename"]
        with zipfile.ZipFile(target) as archive:
            names = archive.namelist()
        digests.append(target.read_bytes())
        assert (out / "notes.md").read_text().strip()
    assert digests[0] == digests[1]
    tracked = subprocess.run(  # noqa: S603
        ["git", "ls-files", "custom_components/audit_trail"],  # noqa: S607 - git on PATH
        cwd=ROOT, check=True,
        capture_output=True, text=True,
    ).stdout.split()  # fmt: skip
    assert sorted(names) == sorted(
        p.removeprefix("custom_components/audit_trail/") for p in tracked
    )
    assert "manifest.json" in names
    assert "brand/icon.png" in names
    assert not any("__pycache__" in n for n in names)


def test_workflows_run_what_ci_runs() -> None:
    workflows = ROOT / ".github" / "workflows"
    validate = yaml.safe_load((workflows / "validate.yml").read_text())
    steps = [s.get("uses", "") for job in validate["jobs"].values() for s in job["steps"]]
    assert any(s.startswith("home-assistant/actions/hassfest") for s in steps)
    hacs = next(
        s for job in validate["jobs"].values() for s in job["steps"]
        if s.get("uses", "").startswith("hacs/action")
    )  # fmt: skip
    assert hacs["with"]["category"] == "integration"
    tests = yaml.safe_load((workflows / "tests.yml").read_text())
    runs = [s.get("run", "") for job in tests["jobs"].values() for s in job["steps"]]
    assert any(".ci/run" in r for r in runs)
    release = (workflows / "release.yml").read_text()
    assert "scripts/release_zip.py" in release
    ci = (ROOT / ".ci" / "run").read_text()
    for command in ("scripts/test", "scripts/smoke", "scripts/release_zip.py"):
        assert command in ci
