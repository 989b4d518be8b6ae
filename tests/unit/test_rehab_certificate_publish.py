"""Issue 15: social-rehabilitation certificates verify in the published page like the competency
ones (headless Chromium, no network): VALID with their own wording and nothing of the case,
DICABUT when their number is on the signed revocation list, TIDAK VALID when changed."""

from __future__ import annotations

import datetime as dt
import json

from balai_app.db.models import RehabCertificate, Resident
from balai_app.domain import signed_payload
from balai_app.services import certificates_publish, rehab_certificates as rc
from support.browser import chromium_verdict
from support.rehab import SECRETS


def test_rehab_certificates_in_the_published_page(terminated, system, make_resident, tmp_path):
    kept = rc.issue(system, terminated.id, issued_on=dt.date(2026, 7, 1))
    other = make_resident(name="Sri Wulandari", klaster="lansia", entry_date="2026-01-05", status="selesai",
                          exit_date="2026-06-30", exit_reason="Kembali ke keluarga")
    withdrawn = rc.issue(system, other.id, issued_on=dt.date(2026, 7, 2))
    rc.revoke(system, withdrawn.id, "Diterbitkan karena kekeliruan")
    site = tmp_path / "situs"
    result = certificates_publish.publish(system, site, on=dt.date(2026, 7, 3))
    assert result.revoked_rehab == 1 and result.revoked == 0

    # the signed list names the revoked social-rehabilitation number, and only it
    signed = json.loads((site / "revoked.json").read_text(encoding="utf-8"))["payload"]
    listed = json.loads(signed_payload.b64url_decode(signed.split(".")[0]))
    assert listed["t"] == "RL" and listed["sr"] == [withdrawn.number] and listed["r"] == []

    page = site / "index.html"
    genuine = RehabCertificate.get_by_id(kept.id).payload
    (tmp_path / "payload.txt").write_text(genuine, encoding="utf-8")  # for looking at the page by hand
    verdict, text = chromium_verdict(page, genuine, tmp_path)
    text = text.split("Isi kode QR")[0]  # the verdict box (the form and the page's script follow)
    assert verdict == "VALID" and "Sertifikat Rehabilitasi Sosial ini asli" in text
    assert "Yohanes Sembiring" in text and kept.number in text and "Masa rehabilitasi sosial" in text
    assert "Periode pelatihan" not in text and "Unit kompeten" not in text
    assert not [s for s in SECRETS if s in text]  # no klaster, no case
    assert Resident.get_by_id(terminated.id).klaster == "napza"

    verdict, text = chromium_verdict(page, RehabCertificate.get_by_id(withdrawn.id).payload, tmp_path)
    assert verdict == "DICABUT" and "Sri Wulandari" in text

    middle = len(genuine) // 2
    changed = genuine[:middle] + ("A" if genuine[middle] != "A" else "B") + genuine[middle + 1:]
    assert chromium_verdict(page, changed, tmp_path)[0] == "TIDAK VALID"
