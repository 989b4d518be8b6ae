"""``balai-app --self-test``: passes on a working install, names what failed otherwise."""

from __future__ import annotations

import os
import subprocess
import sys

from packaging_helpers import ROOT


def test_self_test_passes_and_logs_under_the_data_folder(gui_app, isolated_paths):
    from balai_app import selftest

    assert selftest.run() == 0
    log = (isolated_paths / "logs" / "self-test.log").read_text(encoding="utf-8")
    assert "self-test: lulus" in log
    assert "GAGAL" not in log
    for check, _ in selftest.CHECKS:
        assert f"OK    {check}" in log


def test_self_test_names_what_failed(gui_app, isolated_paths, monkeypatch, capsys):
    from balai_app import paths, selftest

    def missing(*parts):
        raise FileNotFoundError(f"resource missing: {'/'.join(parts)}")

    monkeypatch.setattr(paths, "resource_path", missing)
    assert selftest.run() == 1
    printed = capsys.readouterr().out
    log = (isolated_paths / "logs" / "self-test.log").read_text(encoding="utf-8")
    assert printed.startswith(log.rstrip("\n").split("\n")[0])
    assert "GAGAL sumber daya (huruf, gambar): FileNotFoundError: resource missing: fonts/" in log
    assert "self-test: GAGAL" in log


def test_self_test_leaves_no_database_in_the_data_folder(gui_app, isolated_paths):
    from balai_app import selftest

    selftest.run()
    leftovers = [p.name for p in isolated_paths.rglob("*") if p.is_file()]
    assert leftovers == ["self-test.log"]


def test_command_line_self_test_without_a_display(tmp_path):
    """The real entry point, in a fresh process with no DISPLAY and no Qt platform chosen."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["BALAI_DATA_DIR"] = str(tmp_path / "data")
    result = subprocess.run([sys.executable, "-m", "balai_app", "--self-test"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test: lulus" in result.stdout
    assert (tmp_path / "data" / "logs" / "self-test.log").is_file()


def test_self_test_counts_as_a_command_for_the_windows_console():
    from balai_app import cli

    assert cli.wants_cli(["--self-test"])
    assert not cli.wants_cli([])
    assert (ROOT / "balai_app" / "selftest.py").is_file()


def test_a_pdf_with_an_unembedded_font_fails(gui_app, isolated_paths, monkeypatch):
    """The check that keeps '?' glyphs off certificates: reportlab's default Helvetica is refused."""
    from balai_app import selftest

    def plain_reportlab(target, name):
        from reportlab.pdfgen import canvas

        from balai_app.documents import fonts

        fonts.register()
        c = canvas.Canvas(str(target), pageCompression=0)  # not fonts.new_canvas: Helvetica at first
        c.setFont(fonts.SANS, 10)
        for line in range(60):
            c.drawString(72, 780 - 12 * line, f"{line:02d} {name} " + "abcdefghij" * 8)
        c.setFont("Helvetica", 10)
        c.drawString(72, 40, "Helvetica slipped in")
        c.save()

    monkeypatch.setattr(selftest, "_certificate_module", lambda: None)
    monkeypatch.setattr(selftest, "_render_fonts_page", plain_reportlab)
    assert selftest.run() == 1
    log = (isolated_paths / "logs" / "self-test.log").read_text(encoding="utf-8")
    assert "GAGAL PDF: " in log
    assert "huruf standar tidak tertanam: Helvetica" in log
