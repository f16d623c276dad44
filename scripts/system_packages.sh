#!/bin/sh
# The Debian packages the test suite needs, installed when missing (`make test` runs this).
# The dashboard's end-to-end test drives Debian's chromium through Playwright, which never
# downloads a browser of its own. With apt-get, as root or through a sudo that asks no
# password, the script installs what is missing; otherwise it stops with one line saying
# what to install.
set -eu

PACKAGES="chromium"     # Debian package names
NEEDED="/usr/bin/chromium"  # what each package puts on disk, in the same order

missing=""
set -- $NEEDED
for package in $PACKAGES; do
    [ -x "$1" ] || missing="$missing $package"
    shift
done
[ -z "$missing" ] && exit 0

# As root, apt-get itself; otherwise through sudo when it needs no password (CI runners).
as_root=""
[ "$(id -u)" = 0 ] || as_root="sudo -n"
if command -v apt-get >/dev/null 2>&1 && { [ -z "$as_root" ] || sudo -n true 2>/dev/null; }; then
    echo "installing Debian packages:$missing" >&2
    $as_root apt-get update -qq
    $as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends $missing >/dev/null
    exit 0
fi
echo "make test needs Debian packages:$missing -- install them (sudo apt-get install$missing) and run make test again" >&2
exit 1
