#!/bin/sh
# Installs, from Debian's packages, what kyr needs outside Python.
#   sh scripts/install-system-deps.sh site   what `make site` needs: the Noto fonts embedded in the
#                                            printable PDFs, and the CMYK colour profile of the
#                                            print-shop card (libgs-common)
#   sh scripts/install-system-deps.sh test   that, plus the tools the tests use: poppler to read PDFs,
#                                            zbar to decode QR codes, Java to run the Nu HTML Checker,
#                                            nginx to serve the site as a clinic's server would
# Chromium for the browser tests is installed by .ci/run only (it is large).
set -e
site_packages="fonts-noto-core fonts-noto-cjk libgs-common"
test_packages="poppler-utils zbar-tools default-jre-headless nginx"
case "${1:-site}" in
    site) wanted="$site_packages" ;;
    test) wanted="$site_packages $test_packages" ;;
    *) echo "usage: sh scripts/install-system-deps.sh [site|test]" >&2; exit 2 ;;
esac
need=""
for pkg in $wanted; do
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
# The tests start nginx themselves, on 127.0.0.1 and a free port. Installing the package must not
# also start Debian's own nginx on port 80: a policy-rc.d that says "no" (exit 101) for the length of
# the install keeps every service of these packages stopped.
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy"
    chmod +x "$policy"
    trap 'rm -f "$policy"' EXIT
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
