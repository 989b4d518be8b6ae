; Inno Setup 6 script: the Windows setup file of Balai.
;
; It installs the PyInstaller bundle built by `py scripts\build_frozen.py` (dist\balai-app\).
; Build both at once with `py scripts\build_frozen.py --installer`, or by hand:
;
;   iscc /DAppVersion=0.1.0 /DAppVersionNumeric=0.1.0.0 installer.iss
;
; (`python scripts/version.py` and `--numeric` print the two values from pyproject.toml.)
; Result: dist\installer\balai-setup-<version>.exe
;
; The user's data -- database, backups, logs, window layout -- lives in the user data folder
; %LOCALAPPDATA%\Balai (see balai_app/paths.py), never in the install folder. Installing,
; upgrading and uninstalling never touch it: nothing below names that folder, and there is
; deliberately no [UninstallDelete] section. Do not add one for it.
;
; tests/packaging/test_installer.py checks that every [Files] Source names files the build
; produces, and that every file of the bundle is installed.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=x.y.z installer.iss (python scripts/version.py prints it)
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric AppVersion
#endif

#define AppName "Balai"
#define AppExe "balai-app.exe"

; The bundle to install: dist\balai-app by default; the CI's Wine check passes its own
; (iscc /DBundleDir=...), since the Linux build of .ci/run owns dist\.
#ifndef BundleDir
  #define BundleDir "dist\balai-app"
#endif

; Release compression; CI's Wine check compiles the older installer it upgrades from faster.
#ifndef Compression
  #define Compression "lzma2/max"
#endif

; Indonesian installer messages: our own translation of Inno Setup's Default.isl, kept in the
; repository (resources/installer/Indonesian.isl), complete for the Inno Setup version the
; builds use (6.4.1: the npm package innosetup in CI's Wine check). ISCC warns when a message
; is missing; the check fails on any warning.

[Setup]
; Fixed for ever: Windows recognises an upgrade of the same program by this id.
AppId={{207009CE-2032-4E45-B0C5-4633109F381F}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductName={#AppName}
; Per user by default (no administrator rights needed): {autopf} is then
; %LOCALAPPDATA%\Programs\Balai, apart from the data folder %LOCALAPPDATA%\Balai.
; The dialog offers "all users" (C:\Program Files\Balai) to whoever can elevate.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 needs Windows 10 (1809) or later.
MinVersion=10.0.17763
OutputDir=dist\installer
OutputBaseFilename=balai-setup-{#AppVersion}
SetupIconFile=resources\images\balai.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
WizardStyle=modern
Compression={#Compression}
SolidCompression=yes
; An upgrade while Balai is open: close it first (Restart Manager).
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage

[Languages]
; The first is the default when Windows' language is neither.
Name: "indonesian"; MessagesFile: "resources\installer\Indonesian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; Upgrade: remove the previous version's bundle before copying the new one, so no module,
; DLL or Qt plugin of an older release stays beside the new ones. Program folder only.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\balai-app.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Balai - register PM, pelatihan dan sertifikat"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: uninstalling removes only what [Files] installed. The database and
; backups in %LOCALAPPDATA%\Balai belong to the user and stay.
