"""installer.iss installs exactly what the PyInstaller build produces, and never the user's data.

The bundle's layout comes from packaging/balai.spec (APP_NAME, CONTENTS_DIR); the
checker is the one ``scripts/build_frozen.py`` runs against the real bundle after
every build (in .ci/run), so a renamed folder or a lost file fails there too.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest

from packaging_helpers import ROOT, load_script

ISS = (ROOT / "installer.iss").read_text(encoding="utf-8")


def _sections(text: str) -> dict[str, list[str]]:
    """Non-comment lines per section (lower-case names); preprocessor lines under ''."""
    out: dict[str, list[str]] = {"": []}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        match = re.fullmatch(r"\[(\w+)\]", line)
        if match:
            current = match.group(1).lower()
            out.setdefault(current, [])
            continue
        out.setdefault(current, []).append(line)
    return out


def _setup() -> dict[str, str]:
    return {k.strip(): v.strip() for k, _, v in (line.partition("=") for line in _sections(ISS)["setup"])}


def _fake_bundle(root: Path, *, windows: bool) -> Path:
    """The layout PyInstaller produces for our spec: the program file and the contents folder."""
    build = load_script("build_frozen")
    app, contents = build.spec_names()
    bundle = root / "dist" / app
    (bundle / contents / "balai_app" / "resources" / "fonts").mkdir(parents=True)
    (bundle / (app + (".exe" if windows else ""))).write_bytes(b"exe")
    (bundle / contents / "balai_app" / "resources" / "fonts" / "DejaVuSans.ttf").write_bytes(b"ttf")
    (bundle / contents / "base_library.zip").write_bytes(b"zip")
    return bundle


@pytest.mark.parametrize("windows", [False, True], ids=["linux-bundle", "windows-bundle"])
def test_files_sources_match_the_bundle_layout(tmp_path, windows):
    build = load_script("build_frozen")
    bundle = _fake_bundle(tmp_path, windows=windows)
    assert build.iss_problems(ISS, tmp_path, bundle, windows=windows) == []


def test_exe_name_differs_only_by_dot_exe(tmp_path):
    """A Linux bundle checked as if it were Windows misses balai-app.exe: the mapping is explicit."""
    build = load_script("build_frozen")
    bundle = _fake_bundle(tmp_path, windows=False)
    problems = build.iss_problems(ISS, tmp_path, bundle, windows=True)
    assert any("balai-app.exe" in p and "does not exist" in p for p in problems)


def test_a_missing_program_file_is_reported(tmp_path):
    build = load_script("build_frozen")
    bundle = _fake_bundle(tmp_path, windows=False)
    (bundle / "balai-app").unlink()
    assert any("does not exist" in p for p in build.iss_problems(ISS, tmp_path, bundle, windows=False))


def test_a_bundle_file_no_source_installs_is_reported(tmp_path):
    """E.g. PyInstaller renaming its contents folder: the installer would leave it out."""
    build = load_script("build_frozen")
    bundle = _fake_bundle(tmp_path, windows=False)
    (bundle / "lib").mkdir()
    (bundle / "lib" / "extra.so").write_bytes(b"so")
    problems = build.iss_problems(ISS, tmp_path, bundle, windows=False)
    assert any("not installed by [Files]" in p and "extra.so" in p for p in problems)


def test_an_empty_contents_folder_is_reported(tmp_path):
    build = load_script("build_frozen")
    bundle = tmp_path / "dist" / "balai-app"
    bundle.mkdir(parents=True)
    (bundle / "balai-app").write_bytes(b"exe")
    assert any("matches no file" in p for p in build.iss_problems(ISS, tmp_path, bundle, windows=False))


def test_files_entries_are_parsed_with_flags():
    entries = load_script("build_frozen").iss_file_entries(ISS)
    assert ("dist\\balai-app\\balai-app.exe", ["ignoreversion"]) in entries
    sources = dict(entries)
    assert "recursesubdirs" in sources["dist\\balai-app\\_internal\\*"]


def test_the_bundle_folder_can_be_given_to_iscc(tmp_path):
    """scripts/windows_check.py builds the Windows bundle outside dist\\ (iscc /DBundleDir=...)."""
    build = load_script("build_frozen")
    bundle = _fake_bundle(tmp_path / "elsewhere", windows=True)
    entries = build.iss_file_entries(ISS, {"BundleDir": "C:\\b"})
    assert ("C:\\b\\balai-app.exe", ["ignoreversion"]) in entries
    assert build.iss_problems(ISS, tmp_path, bundle, windows=True, overrides={"BundleDir": str(bundle)}) == []
    assert build.iss_problems(ISS, tmp_path, bundle, windows=True)  # dist\\balai-app is not there
    assert re.search(r'^#ifndef BundleDir\n\s*#define BundleDir "dist\\balai-app"', ISS, re.M)


def test_fixed_app_id_and_version_from_the_build():
    setup = _setup()
    match = re.fullmatch(r"\{\{([0-9A-F-]{36})\}", setup["AppId"])
    assert match, setup["AppId"]
    uuid.UUID(match.group(1))
    assert setup["AppVersion"] == "{#AppVersion}"
    assert "#ifndef AppVersion" in ISS and "#error" in ISS  # no silent default version


def test_per_user_install_with_an_all_users_option():
    setup = _setup()
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["PrivilegesRequiredOverridesAllowed"] == "dialog"
    assert setup["DefaultDirName"].startswith("{autopf}\\")


def test_indonesian_and_english_installer_languages():
    languages = _sections(ISS)["languages"]
    assert languages[0].startswith('Name: "indonesian"')
    assert any(line.startswith('Name: "english"') and "compiler:Default.isl" in line for line in languages)
    assert 'MessagesFile: "resources\\installer\\Indonesian.isl"' in languages[0]


def test_indonesian_messages_are_in_the_repository_and_translated():
    """No download at build time; scripts/windows_check.py compares it with the compiler's Default.isl."""
    assert "http" not in ISS.lower()
    text = (ROOT / "resources" / "installer" / "Indonesian.isl").read_text(encoding="utf-8-sig")
    values = dict(re.findall(r"^(\w+)=(.*)$", text, re.M))
    assert values["LanguageName"] == "Bahasa Indonesia" and values["LanguageID"] == "$0421"
    assert len(values) > 270  # Inno Setup 6.4's Default.isl has 281 entries
    assert values["ButtonNext"] == "&Lanjut >" and values["ButtonCancel"] == "Batal"
    assert "%1" in values["UninstalledAll"] and "[name]" in values["WelcomeLabel1"]
    for key in ("SetupAppTitle", "WelcomeLabel2", "FinishedLabel", "ConfirmUninstall", "CreateDesktopIcon"):
        assert values[key] and " the " not in f" {values[key]} ", key  # translated, not English


def test_start_menu_and_optional_desktop_shortcuts():
    icons = _sections(ISS)["icons"]
    assert any(line.startswith('Name: "{autoprograms}\\') for line in icons)
    desktop = [line for line in icons if line.startswith('Name: "{autodesktop}\\')]
    assert desktop and "Tasks: desktopicon" in desktop[0]
    tasks = _sections(ISS)["tasks"]
    assert any('Name: "desktopicon"' in line and "unchecked" in line for line in tasks)


def test_upgrade_removes_only_the_old_bundle_and_user_data_is_never_touched():
    sections = _sections(ISS)
    install_delete = sections["installdelete"]
    assert install_delete == ['Type: filesandordirs; Name: "{app}\\_internal"']
    assert "uninstalldelete" not in sections
    code = "\n".join(line for name, lines in sections.items() if name for line in lines).lower()
    for user_folder in ("{localappdata}", "{userappdata}", "{commonappdata}", "{app}\\..", "balai.sqlite"):
        assert user_folder not in code
    assert "%LOCALAPPDATA%\\Balai" in ISS  # the comment that says why


def test_the_iss_is_plain_ascii():
    """ISCC reads a file without BOM in the system code page: keep it ASCII."""
    ISS.encode("ascii")


def test_setup_icon_exists():
    assert (ROOT / _setup()["SetupIconFile"].replace("\\", "/")).is_file()
