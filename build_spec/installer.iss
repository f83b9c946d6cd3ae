; Inno Setup 6 script for PAL Desktop: installs the PyInstaller one-folder bundle (dist\PAL Desktop).
;
; Built by build_spec/build.py on Windows, which passes the version from pyproject.toml:
;   iscc /DAppVersion=0.1.0 /DAppVersionNumeric=0.1.0.0 "/DBundleDir=..\dist\PAL Desktop" ^
;        "/DOutputDir=..\dist\installer" build_spec\installer.iss
;
; Per-user by default (no administrator rights: {autopf} is %LOCALAPPDATA%\Programs); municipal IT can
; choose "for all users" in the first dialog or with /ALLUSERS on the command line (then Program Files).
; Silent install for deployment: PAL-Desktop-<version>-setup.exe /VERYSILENT /ALLUSERS /NORESTART
;
; USER DATA: the database, its backups (kopie\), the log and the settings live in
; %LOCALAPPDATA%\PAL Desktop of each user (pal_desktop/paths.py, platformdirs). This installer never
; writes there, and the uninstaller never removes it: there is deliberately no [UninstallDelete] entry
; for it, so uninstalling, reinstalling or upgrading keeps every office's data.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=x.y.z installer.iss (build_spec/build.py does it)
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric AppVersion
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\PAL Desktop"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist\installer"
#endif
#define AppName "PAL Desktop"
#define AppExeName "pal-desktop.exe"

[Setup]
; The AppId identifies the product to Windows across versions (upgrades, uninstall): never change it.
AppId={{430876F6-0FC1-4867-8D60-9826DBBA5D20}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
AppComments=Program Aktywności Lokalnej — ewidencja uczestników, harmonogram, wydarzenia i raporty
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=PAL-Desktop-{#AppVersion}-setup
SetupIconFile=pal_desktop.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes

[Languages]
Name: "polish"; MessagesFile: "compiler:Languages\Polish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program's own files wholesale, so no library of an older version lingers.
; Only the program folder: user data is elsewhere (see the top of this file).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#StringChange(AppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: %LOCALAPPDATA%\PAL Desktop (the database and its backups) is the user's and stays.
