"""Issue 14's "done when", end to end: a certificate printed from the demo, its rendered page
(pdftoppm 150 dpi) scanned with zbarimg to a URL, verifies VALID in headless Chromium opened on
the published folder with no network; and a copy of the database alone cannot produce a
certificate that verifies."""

from __future__ import annotations

import shutil
import subprocess

from balai_app.db.models import Batch, Certificate, Setting, User
from balai_app.domain import signed_payload
from balai_app.services import certificates, certificates_publish, signing_keys
from balai_app.services.certificates_demo import DEMO_VERIFICATION_URL
from balai_app.services.context import Actor
from balai_app.services.database import close_database, open_database
from support.inprocess import invoke
from support.browser import chromium_verdict


def _admin() -> Actor:
    user = User.select().where(User.role == "admin").order_by(User.id).first()
    return Actor(user.id, user.username, "admin")


def _scan(pdf, tmp_path) -> str:
    subprocess.run(["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "halaman")],
                   check=True)
    png = next(tmp_path.glob("halaman*.png"))
    return subprocess.run(["zbarimg", "--quiet", "--raw", "-Sbinary", str(png)], capture_output=True,
                          check=True).stdout.decode("utf-8").strip()


def test_a_demo_certificate_scanned_from_paper_verifies_offline_and_a_database_copy_cannot_sign(
        isolated_paths, tmp_path, monkeypatch):
    db = tmp_path / "demo.sqlite"
    assert invoke("--db", db, "demo", "--residents", "60").returncode == 0
    open_database(db)
    try:
        admin = _admin()
        cert = Certificate.select().where(Certificate.status == "berlaku").order_by(Certificate.id).first()
        pdf = tmp_path / "sertifikat.pdf"
        certificates.write_pdf(admin, [cert.id], pdf, record=False)
        site = tmp_path / "situs"
        certificates_publish.publish(admin, site)
        originals = signing_keys.public_keys()
        untried = Batch.select().where(Batch.status == "selesai").order_by(Batch.end_date.desc(), Batch.id.desc())
        newest = untried.first()
    finally:
        close_database()

    scanned = _scan(pdf, tmp_path)
    assert scanned.startswith(DEMO_VERIFICATION_URL + "#")  # a phone camera opens the address
    payload = scanned.split("#", 1)[1]
    verdict, text = chromium_verdict(site / "index.html", payload, tmp_path)
    assert verdict == "VALID" and cert.number in text

    # A copy of the database alone, on a PC without the key: refused.
    copy_dir = tmp_path / "salinan"
    copy_dir.mkdir()
    shutil.copy(db, copy_dir / "demo.sqlite")
    monkeypatch.setenv("BALAI_DATA_DIR", str(copy_dir / "data"))
    signing_keys._cache.clear()
    open_database(copy_dir / "demo.sqlite")
    try:
        assert signing_keys.current() is not None and not (copy_dir / "data" / "keys").exists()
        result = None
        try:
            result = certificates.issue(_admin(), newest.id)
        except Exception as exc:  # noqa: BLE001 - the refusal is the point
            assert "tidak ada di komputer ini" in str(exc)
        assert result is None, "a copy of the database signed a certificate"
        # Deleting the public keys from the copy makes the program create a key of its own; what
        # it signs then does not verify against the balai's published keys.
        Setting.delete().where(Setting.key == signing_keys.KEY_PUBLIC_KEYS).execute()
    finally:
        close_database()
    open_database(copy_dir / "demo.sqlite")
    try:
        forged_ids = [c.id for c in certificates.issue(_admin(), newest.id).issued]
        assert forged_ids
        forged = Certificate.get_by_id(forged_ids[0]).payload
    finally:
        close_database()
    assert signed_payload.verify(forged, originals) is None
    assert chromium_verdict(site / "index.html", forged, tmp_path)[0] == "TIDAK VALID"
