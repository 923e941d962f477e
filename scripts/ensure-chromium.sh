#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium (the browser tests and the demo's Playwright test
# drive it through playwright-core's executablePath: browser downloads are impossible on our machines),
# installing the `chromium` package when it is missing, then prints its version.
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  echo "::: /usr/bin/chromium is missing: apt-get install -y chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y chromium
fi
/usr/bin/chromium --version
