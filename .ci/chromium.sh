# Sourced by .ci/run (as root, after apt-get update): Debian's chromium for the console's browser tests.
# playwright-core drives it; its own browser download is not used.
apt-get install -y -qq chromium >/dev/null
export CHROMIUM_PATH=/usr/bin/chromium
