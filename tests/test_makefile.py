"""The Makefile's promises to a new user: `make demo PORT=...` gives the demo's links the address
it serves on, and `make security` says how many packages pip-audit could not audit, and which,
instead of dropping those lines. `make -o install` skips the install step (nothing is built)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import require

ROOT = Path(__file__).resolve().parents[1]
MAKE = shutil.which("make")


@pytest.fixture(autouse=True)
def _make():
    require(MAKE is not None, "make not found: install it with `apt-get install make`")


def make(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 (make, on this checkout's Makefile)
        [str(MAKE), "--no-print-directory", "-o", "install", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize(
    ("args", "address"),
    [((), "http://127.0.0.1:8000"), (("PORT=8080",), "http://127.0.0.1:8080")],
)
def test_the_demos_public_address_follows_the_port_it_serves_on(args, address):
    result = make("-n", "demo", *args)
    assert result.returncode == 0, result.stderr
    commands = [line for line in result.stdout.splitlines() if "manage.py" in line]
    assert [c.split("manage.py ")[1].split()[0] for c in commands] == [
        "migrate",
        "collectstatic",
        "load_reference_data",
        "generate_demo_data",
        "serve",
    ]
    for command in commands:
        assert f"HUB_PUBLIC_URL={address} " in command, command
    assert f"--port {address.rsplit(':', 1)[1]} " in commands[-1]


# What pip-audit 2.x prints when two installed packages are not on the index it reached.
PIP_AUDIT_OUTPUT = """\
No known vulnerabilities found
Name          Skip Reason
------------- --------------------------------------------------------------------------------
hatehub-tools Dependency not found on PyPI and could not be audited: hatehub-tools (0.1.0)
private-lib   Dependency not found on PyPI and could not be audited: private-lib (2.3)
"""


def _fake_tools(tmp_path: Path, *, audit_status: int) -> Path:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "bandit").write_text("#!/bin/sh\nexit 0\n")
    (bin_dir / "pip-audit").write_text(
        f"#!/bin/sh\ncat <<'EOF'\n{PIP_AUDIT_OUTPUT}EOF\nexit {audit_status}\n"
    )
    for tool in bin_dir.iterdir():
        tool.chmod(0o755)
    return bin_dir


def test_make_security_says_how_many_packages_could_not_be_audited(tmp_path):
    result = make("security", f"BIN={_fake_tools(tmp_path, audit_status=0)}")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "No known vulnerabilities found" in out
    assert (
        "2 packages could not be audited (not on PyPI: hatehub-tools, private-lib)"
        in out.splitlines()
    )
    assert "Dependency not found on PyPI" not in out  # one line, not one per package


def test_make_security_still_fails_when_pip_audit_finds_something(tmp_path):
    result = make("security", f"BIN={_fake_tools(tmp_path, audit_status=1)}")
    assert result.returncode != 0
    assert "2 packages could not be audited" in result.stdout
