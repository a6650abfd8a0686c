#!/usr/bin/env bash
# The browser tests (tests/browser/) drive Debian's Chromium through playwright-core: Playwright
# never downloads a browser of its own. This installs Chromium with apt-get when it is missing
# (root on Debian/Ubuntu), otherwise says what to install. Java for the Nu HTML Checker comes from
# infra/local/setup-java.sh. Safe to run again: it does nothing when Chromium is there.
set -euo pipefail
CHROMIUM="${COLOPHON_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  "$CHROMIUM" --version 2>/dev/null | head -n 1 || echo "$CHROMIUM"
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq
  # Fonts with Latin, Cyrillic and Greek so screenshots show the titles, not boxes.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
  "$CHROMIUM" --version 2>/dev/null | head -n 1
  exit 0
fi
echo "Chromium is missing at $CHROMIUM. Install it (Debian/Ubuntu: sudo apt-get install chromium; elsewhere set COLOPHON_CHROMIUM to a Chromium or Chrome binary) and run again." >&2
exit 1
