"""Issue 14: the private key at rest is readable only by the user who runs the program:
POSIX 0600 in a 0700 folder; on Windows an ACL with the user's SID alone (no inherited
Administrators/Users entries), set with icacls."""

from __future__ import annotations

import os
import subprocess

import pytest

from balai_app.services import signing_keys


@pytest.mark.wine_gap(reason="Wine 8.0's icacls.exe is a stub: it sets no ACL and lists none, so the one entry "
                       "cannot be read back (the real-Windows workflow runs this test)")
def test_the_key_file_and_its_folder_admit_only_the_user(db, isolated_paths):
    info = signing_keys.ensure_key()
    key_file = signing_keys.key_dir() / f"certificate-signing-{info.key_id}.pem"
    assert key_file.exists() and not list(signing_keys.key_dir().glob("*.tmp"))
    if os.name == "nt":
        for path in (key_file, signing_keys.key_dir()):
            listing = subprocess.run(["icacls", str(path)], capture_output=True, text=True, check=True).stdout
            entries = [line for line in listing.splitlines()[:-1] if ":(" in line]
            assert len(entries) == 1 and "(I)" not in entries[0], listing  # the user alone, nothing inherited
    else:
        assert key_file.stat().st_mode & 0o777 == 0o600
        assert signing_keys.key_dir().stat().st_mode & 0o777 == 0o700


def test_a_loosened_folder_is_closed_again_when_a_key_is_written(db, isolated_paths):
    signing_keys.key_dir().mkdir(parents=True)
    if os.name != "nt":
        os.chmod(signing_keys.key_dir(), 0o755)
    signing_keys.ensure_key()
    signing_keys.rotate_key(signing_keys.SYSTEM)
    files = list(signing_keys.key_dir().glob("*.pem"))
    assert len(files) == 2
    if os.name != "nt":
        assert signing_keys.key_dir().stat().st_mode & 0o777 == 0o700
        assert all(f.stat().st_mode & 0o777 == 0o600 for f in files)


def test_the_windows_acl_removes_inheritance_and_grants_the_sid_alone(tmp_path):
    folder, file = tmp_path / "keys", tmp_path / "keys" / "k.pem"
    folder.mkdir()
    file.write_text("x")
    sid = "S-1-5-21-1004336348-1177238915-682003330-1001"
    assert signing_keys.acl_commands(folder, sid) == [
        ["icacls", str(folder), "/inheritance:r", "/grant:r", f"*{sid}:(OI)(CI)F"]]
    assert signing_keys.acl_commands(file, sid) == [["icacls", str(file), "/inheritance:r", "/grant:r", f"*{sid}:F"]]
