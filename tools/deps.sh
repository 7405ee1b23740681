#!/usr/bin/env bash
# deps.sh PKG...: install the Debian/Ubuntu packages that are missing, and
# check Go. On macOS and Windows it says what to install instead.
set -euo pipefail
if ! command -v go >/dev/null; then
  echo "Go is not installed: get Go 1.26 or newer from https://go.dev/dl/ and run make again." >&2
  exit 1
fi
case "$(uname -s)" in
  Linux) ;;
  Darwin) xcode-select -p >/dev/null 2>&1 || { echo "Install the Xcode command line tools: xcode-select --install" >&2; exit 1; }; exit 0 ;;
  *) exit 0 ;; # Windows (MSYS2/MinGW): see README
esac
command -v dpkg-query >/dev/null || { echo "Not a Debian/Ubuntu system: install the equivalents of: $*" >&2; exit 0; }
missing=()
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
