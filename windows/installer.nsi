; The Windows installer for the newsroom editor, built by `scripts/windows build` with
; Debian's makensis from the files it staged (STAGE). It installs for the current user only,
; so a reporter needs no administrator; `/S` installs silently for IT. The store and photos
; live in the user's app-data folder and are never touched by installing or uninstalling.
;
; makensis -DVERSION=0.1.0 -DSTAGE=dir -DOUTFILE=setup.exe -DICON=icon.ico installer.nsi

; A 64-bit installer for a 64-bit program: it also runs where only 64-bit Windows programs can
; (Wine's wine64, which tests it, and Windows on ARM's x64 emulation).
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!include "MUI2.nsh"
!include "LogicLib.nsh"

!define PRODUCT "Newsroom"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\vn.newsroom.editor"
!define SCHEME_KEY "Software\Classes\newsroom"
; WebView2 Runtime's product code: its `pv` value is the installed version, per machine
; (WOW6432Node on 64-bit Windows) or per user.
!define WEBVIEW2_KEY "Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
!define WEBVIEW2_DOWNLOAD "https://go.microsoft.com/fwlink/p/?LinkId=2124703"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${PRODUCT}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=0 "FileDescription" "${PRODUCT} installer"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PRODUCT}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\newsroom-desktop.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
; The first language is the default; the other is chosen when Windows speaks it.
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"

LangString WebView2Missing ${LANG_VIETNAMESE} "Máy này chưa có Microsoft Edge WebView2 Runtime, phần mềm Tòa soạn cần nó để hiển thị.$\r$\n$\r$\nWindows 11 và Windows 10 cập nhật đã có sẵn. Mở trang tải của Microsoft ngay bây giờ?"
LangString WebView2Missing ${LANG_ENGLISH} "This computer does not have the Microsoft Edge WebView2 Runtime, which Newsroom needs to show its window.$\r$\n$\r$\nWindows 11 and an updated Windows 10 have it. Open Microsoft's download page now?"
LangString WebView2Log ${LANG_VIETNAMESE} "Thiếu Microsoft Edge WebView2 Runtime: cài từ ${WEBVIEW2_DOWNLOAD}"
LangString WebView2Log ${LANG_ENGLISH} "Microsoft Edge WebView2 Runtime is missing: install it from ${WEBVIEW2_DOWNLOAD}"
LangString KeptData ${LANG_VIETNAMESE} "Bài viết và ảnh của bạn vẫn được giữ trong thư mục dữ liệu của người dùng."
LangString KeptData ${LANG_ENGLISH} "Your articles and photos are kept in your user data folder."

Function .onInit
  SetShellVarContext current
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

; Says so when WebView2 is missing: the app cannot draw its window without it. In a silent
; install the installer only writes it to its log; the app says it again when it starts.
Function CheckWebView2
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\${WEBVIEW2_KEY}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\${WEBVIEW2_KEY}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    DetailPrint "$(WebView2Log)"
    MessageBox MB_YESNO|MB_ICONEXCLAMATION "$(WebView2Missing)" /SD IDNO IDNO done
    ExecShell "open" "${WEBVIEW2_DOWNLOAD}"
    done:
  ${EndIf}
FunctionEnd

Section "Newsroom"
  SetOutPath "$INSTDIR"
  File "${STAGE}\newsroom-desktop.exe"
  File "${STAGE}\newsroom.exe"
  File "${STAGE}\WebView2Loader.dll"
  File "${STAGE}\README.txt"
  SetOutPath "$INSTDIR\dictionaries"
  File "${STAGE}\dictionaries\*.*"
  SetOutPath "$INSTDIR"

  CreateShortcut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\newsroom-desktop.exe"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\newsroom-desktop.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ; The app's own address, newsroom://: the browser comes back to it from a site's page where
  ; the person approved the app, and Windows starts the program with the address, which hands
  ; it to the running window.
  WriteRegStr HKCU "${SCHEME_KEY}" "" "URL:${PRODUCT}"
  WriteRegStr HKCU "${SCHEME_KEY}" "URL Protocol" ""
  WriteRegStr HKCU "${SCHEME_KEY}\DefaultIcon" "" "$INSTDIR\newsroom-desktop.exe,0"
  WriteRegStr HKCU "${SCHEME_KEY}\shell\open\command" "" '"$INSTDIR\newsroom-desktop.exe" "%1"'

  Call CheckWebView2
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  Delete "$INSTDIR\newsroom-desktop.exe"
  Delete "$INSTDIR\newsroom.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\README.txt"
  RMDir /r "$INSTDIR\dictionaries"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${SCHEME_KEY}"
  DetailPrint "$(KeptData)"
SectionEnd
