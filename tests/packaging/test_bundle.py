"""The PyInstaller bundle, built from renewdesk.spec on a clean checkout, runs on its own."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import facturx
import pytest

from tests.conftest import EXAMPLE

pytestmark = pytest.mark.slow


def run(bundle: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(bundle), *args], env=env, capture_output=True, text=True,
                          timeout=120, check=False)


def folder_size_mb(folder: Path) -> float:
    """On disk, as `du` counts it: symbolic links (PyInstaller links shared libraries) and
    hard links are not counted twice."""
    seen: set[int] = set()
    total = 0
    for path in folder.rglob("*"):
        info = path.lstat()
        if path.is_symlink() or not path.is_file() or info.st_ino in seen:
            continue
        seen.add(info.st_ino)
        total += info.st_blocks * 512
    return total / 1024 / 1024


def test_bundle_runs_commands_and_the_window(bundle: Path, tmp_path: Path) -> None:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path),
           "RENEWDESK_LOG_DIR": str(tmp_path / "logs"), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
    db = str(tmp_path / "bundle.db")
    version = run(bundle, "--version", env=env)
    assert version.returncode == 0 and version.stdout.startswith("renewdesk ")
    assert "(build " in version.stdout  # stamped by the spec
    secrets = run(bundle, "secret", "status", env=env)  # keyring and its backends load
    assert secrets.returncode == 0 and "stripe:" in secrets.stdout
    assert secrets.stderr == "", secrets.stderr
    done = run(bundle, "--db", db, "--today", "2026-11-01", "import", str(EXAMPLE), env=env)
    assert done.returncode == 0, done.stderr
    seller = run(bundle, "--db", db, "settings", "seller_name=Hébergement Dupont SARL",
                 "seller_address=3 rue de la Paix, 75002 Paris", "seller_siren=732829320",
                 "seller_vat_number=FR44732829320", env=env)
    assert seller.returncode == 0, seller.stderr  # so the run's payments are invoiced
    dry = run(bundle, "--db", db, "--today", "2026-12-13", "run-due", "--dry-run", env=env)
    assert dry.returncode == 0, dry.stderr
    real = run(bundle, "--db", db, "--today", "2026-12-13", "run-due", env=env)
    assert real.returncode == 0, real.stderr
    assert real.stdout.splitlines()[-1].startswith(dry.stdout.splitlines()[-1].split(";")[0])
    listed = run(bundle, "--db", db, "invoices", env=env)
    assert listed.returncode == 0 and "F2026-000001" in listed.stdout, listed.stderr
    pdf = tmp_path / "invoice.pdf"  # IV-4 in the bundle: fonts, Factur-X's schemas, its XML
    made = run(bundle, "--db", db, "invoice", "F2026-000001", "--pdf", str(pdf), env=env)
    assert made.returncode == 0, made.stderr
    xml_name, xml = facturx.get_xml_from_pdf(pdf.read_bytes(), check_xsd=False)
    assert xml_name == "factur-x.xml" and b"F2026-000001" in xml
    window = run(bundle, "--db", db, "--quit-after", "1", env=env)
    assert window.returncode == 0, window.stderr  # shown, closed on its own
    assert (tmp_path / "logs" / "renewdesk.log").is_file()
    assert folder_size_mb(bundle.parent) <= 250


def test_bundle_works_in_team_mode_on_postgresql(bundle: Path, tmp_path: Path,
                                                 postgres: object) -> None:
    """Issue 7 in the shipped bundle: psycopg (binary, with its libpq) is in it; the migrations,
    an import and a run go to PostgreSQL, and migrate-db copies a SQLite portfolio there."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path),
           "RENEWDESK_LOG_DIR": str(tmp_path / "logs"), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "XDG_DATA_HOME": str(tmp_path / "data"),
           "RENEWDESK_SANDBOX_LEDGER": str(tmp_path / "ledger.sqlite")}
    with postgres.database() as url, postgres.database(template=None) as empty:  # type: ignore[attr-defined]
        done = run(bundle, "--db", url, "--today", "2026-11-01", "import", str(EXAMPLE), env=env)
        assert done.returncode == 0, done.stderr
        real = run(bundle, "--db", url, "--today", "2026-12-13", "run-due", env=env)
        assert real.returncode == 0 and "charge attempt(s)" in real.stdout, real.stderr
        db = str(tmp_path / "local.db")
        assert run(bundle, "--db", db, "--today", "2026-11-01", "import", str(EXAMPLE),
                   env=env).returncode == 0
        moved = run(bundle, "--db", db, "migrate-db", "--to", empty, env=env)
        assert moved.returncode == 0 and "verified" in moved.stdout, moved.stderr
