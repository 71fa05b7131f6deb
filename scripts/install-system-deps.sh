#!/bin/sh
# Installs, from Debian's packages, what kyr needs outside Python: the Noto fonts embedded in
# the printable PDFs, the CMYK profile of the print-shop card (libgs-common), and the tools the tests
# use (poppler to read PDFs, zbar to decode QR codes, nginx to serve the site as a clinic's server would).
# Chromium for the browser tests is installed by .ci/run only (it is large).
set -e
need=""
for pkg in fonts-noto-core fonts-noto-cjk libgs-common poppler-utils zbar-tools nginx; do
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
