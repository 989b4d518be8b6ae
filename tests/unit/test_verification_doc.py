"""docs/verification.md: its worked example is checked here, by the program's code, by
`cryptography` alone (the doc's Python block) and by `openssl` (the doc's bash block)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from balai_app.domain import signed_payload

DOC = Path(__file__).resolve().parents[2] / "docs" / "verification.md"


def _block(lang: str) -> str:
    blocks = re.findall(rf"```{lang}\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    assert len(blocks) == 1, lang
    return blocks[0]


@pytest.fixture
def example(tmp_path):
    pem = _block("pem")
    (tmp_path / "kunci-publik-21fe31df.pem").write_text(pem, encoding="ascii")
    payload = _block("payload").strip()
    (tmp_path / "payload.txt").write_text(payload, encoding="ascii")
    return tmp_path, pem, payload


def test_the_example_is_what_the_program_makes_and_verifies(example):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    _folder, pem, payload = example
    rfc8032_test1 = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
    key = Ed25519PrivateKey.from_private_bytes(rfc8032_test1)
    assert key.public_key().public_bytes(serialization.Encoding.PEM,
                                         serialization.PublicFormat.SubjectPublicKeyInfo).decode() == pem
    document = json.loads(_block("json"))
    assert signed_payload.sign(document, key) == payload  # Ed25519 is deterministic
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    decoded = signed_payload.verify("https://balai.example/v/#" + payload, {signed_payload.key_id(raw): raw})
    assert decoded is not None and decoded.document == document and document["k"] == signed_payload.key_id(raw)
    assert f"Its printed code is `{decoded.code}`" in DOC.read_text(encoding="utf-8")


def test_the_python_block_verifies_with_cryptography_alone(example):
    folder, _pem, _payload = example
    result = subprocess.run([sys.executable, "-c", _block("python")], cwd=folder, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Siti Rahayu" in result.stdout


def test_the_bash_block_verifies_with_openssl_and_a_changed_character_fails(example):
    folder, _pem, payload = example
    script = _block("bash")
    # bash as PATH finds it (Git's on Windows): Windows would start System32's WSL bash.exe before PATH
    bash = shutil.which("bash")
    assert bash, "bash is needed: Debian's, or Git's usr\\bin on PATH (the Windows workflow)"
    # from a file with LF line ends: no command-line quoting of the script on any OS
    (folder / "periksa.sh").write_text(script, encoding="utf-8", newline="\n")
    result = subprocess.run([bash, "periksa.sh"], cwd=folder, capture_output=True, text=True)
    assert "Signature Verified Successfully" in result.stdout, result.stdout + result.stderr
    changed = payload[:40] + ("A" if payload[40] != "A" else "B") + payload[41:]
    (folder / "periksa.sh").write_text(script.replace(payload, changed), encoding="utf-8", newline="\n")
    result = subprocess.run([bash, "periksa.sh"], cwd=folder, capture_output=True, text=True)
    assert "Signature Verified Successfully" not in result.stdout
