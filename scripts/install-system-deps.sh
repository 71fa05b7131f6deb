#!/bin/sh
# Installs, from Debian's packages, what kyr needs outside Python: the Noto fonts embedded in
# the printable PDFs, and the tools the tests use (poppler to read PDFs, zbar to decode QR codes,
# Java to run the Nu HTML Checker).
# Chromium for the browser tests is installed by .ci/run only (it is large).
set -e
need=""
for pkg in fonts-noto-core fonts-noto-cjk poppler-utils zbar-tools default-jre-headless; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need="$need $pkg"
done
[ -z "$need" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
    echo "kyr: please install these packages (or their equivalents on your system):$need" >&2
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "kyr: missing system packages:$need" >&2
    echo "kyr: run: sudo apt-get install$need" >&2
    exit 0
fi
echo "kyr: installing$need"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
