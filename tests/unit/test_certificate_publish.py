"""The published verification folder, opened from disk in a real headless Chromium with no
network, and the QR of a rendered page read back with zbarimg (issue 14)."""

from __future__ import annotations

import base64
import json
import subprocess

import pytest

from balai_app.db.models import Certificate
from balai_app.services import certificates, certificates_publish, signing_keys
from support.browser import chromium_verdict
from support.certificates import build_course, make_admin, make_profile

@pytest.fixture
def published(db, make_resident, tmp_path):
    make_profile()
    admin = make_admin()
    course = build_course(make_resident, names=["Đặng Thị Ngọc Ánh", "Budi Santoso"], code="MJH")
    issued = certificates.issue(admin, course.batch.id).issued
    by_name = {c.holder: c for c in issued}
    certificates.revoke(admin, by_name["Budi Santoso"].id, "Data kelahiran salah")
    site = tmp_path / "site"
    result = certificates_publish.publish(admin, site)
    payloads = {c.holder: Certificate.get_by_id(c.id).payload for c in issued}
    return site, result, payloads, admin


def test_publish_writes_a_self_contained_folder(published):
    site, result, _payloads, _admin = published
    names = {p.name for p in site.iterdir()}
    assert {"index.html", "keys.js", "keys.json", "revoked.js", "revoked.json", "noble-ed25519.js",
            "LICENSE-noble-ed25519.txt", "BACA-SAYA.txt", f"kunci-publik-{result.key_ids[0]}.pem"} <= names
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "http://" not in html.replace("http-equiv", "") and "https://" not in html  # nothing fetched from anywhere
    assert "Verifikasi Sertifikat" in html and "Certificate verification" in html
    keys = json.loads((site / "keys.json").read_text(encoding="utf-8"))
    assert list(keys["keys"]) == list(result.key_ids) and result.revoked == 1


def test_the_page_in_a_real_browser(published, tmp_path):
    site, _result, payloads, admin = published
    page = site / "index.html"
    genuine = payloads["Đặng Thị Ngọc Ánh"]
    verdict, text = chromium_verdict(page, genuine, tmp_path)
    assert verdict == "VALID" and "Đặng Thị Ngọc Ánh" in text and "C.141000.001.01" in text

    middle = len(genuine) // 3  # one changed character
    changed = genuine[:middle] + ("A" if genuine[middle] != "A" else "B") + genuine[middle + 1:]
    assert chromium_verdict(page, changed, tmp_path)[0] == "TIDAK VALID"

    verdict, text = chromium_verdict(page, payloads["Budi Santoso"], tmp_path)
    assert verdict == "DICABUT" and "Budi Santoso" in text

    # a payload with the same content, signed by another key (a forger with a copy of the database)
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from balai_app.domain import signed_payload

    document = json.loads(base64.urlsafe_b64decode(genuine.split(".")[0] + "=="))
    forged = signed_payload.sign(document, Ed25519PrivateKey.generate())
    assert chromium_verdict(page, forged, tmp_path)[0] == "TIDAK VALID"

    # a browser without WebCrypto Ed25519 uses the shipped noble-ed25519: the same verdicts
    assert chromium_verdict(page, genuine, tmp_path, "?tanpa-webcrypto")[0] == "VALID"
    assert chromium_verdict(page, changed, tmp_path, "?tanpa-webcrypto")[0] == "TIDAK VALID"
    assert chromium_verdict(page, forged, tmp_path, "?tanpa-webcrypto")[0] == "TIDAK VALID"


def test_a_copy_of_the_database_alone_cannot_sign(published, isolated_paths):
    """The private key is in the data folder, readable only by the user, never in the database."""
    import os

    from balai_app.db.models import Setting

    _site, result, _payloads, _admin = published
    key_file = next((isolated_paths / "keys").glob("*.pem"))
    if os.name == "posix":
        assert key_file.stat().st_mode & 0o077 == 0
    pem = key_file.read_bytes()
    assert b"PRIVATE KEY" in pem
    for row in Setting.select():
        assert "PRIVATE" not in row.value and pem.split(b"\n")[1].decode() not in row.value
    key_file.unlink()
    signing_keys._cache.clear()
    with pytest.raises(Exception) as info:
        signing_keys.current_private_key()
    assert "tidak ada di komputer ini" in str(info.value)


def test_qr_on_the_rendered_page_decodes_and_verifies_with_cryptography_alone(published, tmp_path):
    """pdftoppm at 150 dpi, zbarimg, then only `cryptography` and the published PEM file."""
    site, result, payloads, admin = published
    certificates.save_settings(admin, {"verification_url": "https://balai.example.go.id/verifikasi/"})
    pdf = tmp_path / "c.pdf"
    cid = Certificate.get(Certificate.payload == payloads["Đặng Thị Ngọc Ánh"]).id
    certificates.write_pdf(admin, [cid], pdf, record=False)
    subprocess.run(["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "page")],
                   check=True)
    png = next(tmp_path.glob("page*.png"))
    scanned = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sbinary", str(png)], capture_output=True,
                             check=True).stdout.decode("utf-8").strip()
    assert scanned == payloads["Đặng Thị Ngọc Ánh"]  # no address set when it was issued: the bare payload

    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    part1, part2 = scanned.split(".")
    message = base64.urlsafe_b64decode(part1 + "=" * (-len(part1) % 4))
    signature = base64.urlsafe_b64decode(part2 + "=" * (-len(part2) % 4))
    kid = json.loads(message)["k"]
    public = load_pem_public_key((site / f"kunci-publik-{kid}.pem").read_bytes())
    public.verify(signature, message)  # raises InvalidSignature if not genuine
    assert json.loads(message)["h"] == "Đặng Thị Ngọc Ánh"


def test_a_certificate_issued_with_an_address_holds_the_url_form(db, make_resident, tmp_path):
    make_profile()
    admin = make_admin()
    certificates.save_settings(admin, {"verification_url": "https://balai.example.go.id/verifikasi/"})
    course = build_course(make_resident, names=["Siti Rahayu"], code="MJH")
    cert = certificates.issue(admin, course.batch.id).issued[0]
    pdf = tmp_path / "c.pdf"
    certificates.write_pdf(admin, [cert.id], pdf, record=False)
    subprocess.run(["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "page")],
                   check=True)
    png = next(tmp_path.glob("page*.png"))
    scanned = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sbinary", str(png)], capture_output=True,
                             check=True).stdout.decode("utf-8").strip()
    assert scanned == "https://balai.example.go.id/verifikasi/#" + Certificate.get_by_id(cert.id).payload
    assert certificates.verify(scanned).ok


def test_the_readme_of_the_folder_reads_for_a_balai_not_for_a_developer(tmp_path):
    """BACA-SAYA.txt: a DD/MM/YYYY date and nothing that points into the source repository."""
    import datetime as dt

    from balai_app.services.certificates_publish import publish_folder_text

    text = publish_folder_text("Balai Uji", dt.date(2026, 11, 22), 2, ["k1"])
    assert "22/11/2026" in text and "2026-11-22" not in text
    assert "docs/" not in text and "hosting" not in text
