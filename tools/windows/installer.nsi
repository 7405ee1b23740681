; Ontspan's Windows installer (NSIS 3). Built by `make package` with
;   makensis -DVERSION=0.1.0 -DVERSION4=0.1.0.1 -DEXE=... -DICON=... -DOUTFILE=... installer.nsi
; Per user, no administrator rights: the app lives in the user's own
; %LOCALAPPDATA%\Programs\Ontspan and keeps its diary in %APPDATA%, so one
; person's install never touches another's diary. Silent: /S (tested under
; Wine by tools/windows/wine.sh); /D=path chooses the folder.
; 64-bit, like the app (and Wine without its 32-bit part runs only 64-bit programs).
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user

!define APPID "io.github.ontspan.ontspan"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPID}"

Name "Ontspan"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Ontspan"
InstallDirRegKey HKCU "${UNINSTKEY}" "InstallLocation"
BrandingText "Ontspan ${VERSION}"

VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=1033 "ProductName" "Ontspan"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION4}"
VIAddVersionKey /LANG=1033 "FileDescription" "Ontspan setup"
VIAddVersionKey /LANG=1033 "LegalCopyright" "BSD-3-Clause, the Ontspan authors"

!include "MUI2.nsh"
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\Ontspan.exe"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Dutch"

LangString SecApp     ${LANG_ENGLISH} "Ontspan"
LangString SecApp     ${LANG_DUTCH}   "Ontspan"
LangString SecDesktop ${LANG_ENGLISH} "Shortcut on the desktop"
LangString SecDesktop ${LANG_DUTCH}   "Snelkoppeling op het bureaublad"
LangString UnSecApp   ${LANG_ENGLISH} "Ontspan (your diary stays)"
LangString UnSecApp   ${LANG_DUTCH}   "Ontspan (je dagboek blijft)"
LangString UnSecData  ${LANG_ENGLISH} "Also remove my diary and settings"
LangString UnSecData  ${LANG_DUTCH}   "Ook mijn dagboek en instellingen verwijderen"

; No language question: NSIS picks Dutch or English from Windows' own.

Section "$(SecApp)" SecApp
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "/oname=Ontspan.exe" "${EXE}"
  WriteUninstaller "$INSTDIR\Uninstall.exe"
  CreateShortCut "$SMPROGRAMS\Ontspan.lnk" "$INSTDIR\Ontspan.exe" "" "$INSTDIR\Ontspan.exe" 0
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "Ontspan"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\Ontspan.exe,0"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "Ontspan"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
SectionEnd

Section /o "$(SecDesktop)" SecDesktop
  CreateShortCut "$DESKTOP\Ontspan.lnk" "$INSTDIR\Ontspan.exe" "" "$INSTDIR\Ontspan.exe" 0
SectionEnd

Section "un.$(UnSecApp)" UnSecApp
  SectionIn RO
  ; The reminders agent may be running from this folder: end it first, or
  ; Windows keeps the file. The start-at-login entry goes with the app.
  nsExec::Exec 'taskkill /IM Ontspan.exe /F'
  Pop $0
  Delete "$SMSTARTUP\Ontspan reminders.cmd"
  Delete "$SMPROGRAMS\Ontspan.lnk"
  Delete "$DESKTOP\Ontspan.lnk"
  Delete "$INSTDIR\Ontspan.exe"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTKEY}"
SectionEnd

; Off unless ticked: the diary is the user's, an uninstall keeps it.
Section /o "un.$(UnSecData)" UnSecData
  RMDir /r "$APPDATA\fyne\${APPID}"
SectionEnd
