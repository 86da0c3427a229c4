"""The README's install, pre-commit and CI recipes work as written: factlint installs from
its git repository at a tag (here: this checkout by file:// URL, at v0.1.0 when the clone
has that tag, else at HEAD), and the wheel carries the packs, the schemas and the rule
reference its links point to."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
URL = "https://github.com/<your-org>/factlint"
TAG = "v0.1.0"

pytestmark = pytest.mark.skipif(
    not (ROOT / ".git").exists(), reason="needs factlint's own git checkout"
)


def _ref() -> str:
    """The README's tag when this clone has it, else HEAD (a CI clone may come without tags)."""
    tagged = subprocess.run(["git", "rev-parse", "-q", "--verify", f"{TAG}^{{commit}}"], cwd=ROOT,
                            capture_output=True, text=True)  # fmt: skip
    if tagged.returncode == 0:
        return TAG
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout.strip()  # fmt: skip


def _pip_lines() -> list[str]:
    return re.findall(r'pip install "factlint\[model\] @ git\+[^"]+"', README)


def test_readme_recipes_name_a_tag_of_the_repository():
    lines = _pip_lines()
    assert len(lines) >= 2  # Installing and Continuous integration
    assert all(line.endswith(f'{URL}@{TAG}"') for line in lines)
    assert f"repo: {URL}\n    rev: {TAG}" in README
    assert 'pip install "factlint[model]"\n' not in README  # not on PyPI


def test_readme_precommit_config_is_valid_and_names_real_hooks(tmp_path):
    block = README.split("## pre-commit", 1)[1].split("```yaml", 1)[1].split("```", 1)[0]
    config = yaml.safe_load(block.replace(URL, str(ROOT)).replace(TAG, _ref()))
    hooks = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert {h["id"] for r in config["repos"] for h in r["hooks"]} <= hooks
    pre_commit = Path(sys.executable).with_name("pre-commit")
    path = tmp_path / ".pre-commit-config.yaml"
    path.write_text(yaml.safe_dump(config))
    for args in (
        ["validate-config", str(path)],
        ["validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
    ):
        proc = subprocess.run([str(pre_commit), *args], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.slow
def test_pip_install_from_the_git_url_at_the_tag(tmp_path):
    """The README's pip line, pointed at this checkout: the wheel builds from a clean clone
    at the tag and its factlint runs (dependencies from this environment, not downloaded)."""
    line = _pip_lines()[0]
    spec = (
        line.split('"')[1]
        .replace(URL, f"git+file://{ROOT}".removeprefix("git+"))
        .replace(f"@{TAG}", f"@{_ref()}")
    )
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("VIRTUAL_ENV", None)
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps", spec],
        capture_output=True, text=True, env=env, timeout=900,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # the dependencies of this environment, after the new one's own site-packages
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    installed = Path(site) / "lint"
    for part in (
        "rules/idioms.yaml",
        "schema/pack.schema.json",
        "docs/rules/idioms.tow-the-line.md",
    ):
        assert (installed / part).is_file(), part

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(venv / "bin" / "factlint"), *args], capture_output=True, text=True,
            env={**env, "FACTLINT_SERVICE": "0"}, cwd=tmp_path, timeout=300,
        )  # fmt: skip

    version = run("--version")
    assert version.returncode == 0 and "factlint" in version.stdout, version.stderr
    explained = run("explain", "idioms.tow-the-line")
    assert explained.returncode == 0, explained.stderr
    assert f"link: {(installed / 'docs/rules/idioms.tow-the-line.md').as_uri()}" in explained.stdout
