#!/usr/bin/env bash
# The Debian packages packetgen needs beside its Python ones, installed when this machine can
# (apt-get, and root or password-less sudo); otherwise it says what to install and carries on.
#
#   scripts/install-system-packages.sh             what rendering needs: Pango and the fonts the
#                                                  packet names (DejaVu Sans, Noto Sans CJK)
#   scripts/install-system-packages.sh --checkers  also the independent checkers the tests use
#                                                  when present: LibreOffice, Chromium, poppler
#                                                  (pdftoppm, pdftotext) and qpdf
set -u
needed=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig fonts-dejavu-core fonts-noto-cjk)
checkers=(libreoffice-writer-nogui chromium poppler-utils qpdf)
want=("${needed[@]}")
[ "${1:-}" = "--checkers" ] && want+=("${checkers[@]}")

command -v dpkg-query >/dev/null || { echo "note: not a Debian system; install Pango, DejaVu Sans and Noto Sans CJK (see README)"; exit 0; }
missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ]; then sudo=(); elif sudo -n true 2>/dev/null; then sudo=(sudo -n); else
  echo "note: missing Debian packages: ${missing[*]} — install them with: sudo apt-get install ${missing[*]}"
  exit 0
fi
echo "installing Debian packages: ${missing[*]}"
("${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}") \
  >/dev/null 2>&1 || echo "note: could not install ${missing[*]}; packets render, but see README (Installing elsewhere)"
