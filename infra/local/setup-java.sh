#!/usr/bin/env bash
# DynamoDB Local (the records table's emulator) is a Java program: Java 17 is the one thing the
# local stand-in needs beyond npm. Installs it with apt-get when we can (root on Debian/Ubuntu),
# otherwise says what to install.
set -euo pipefail
if command -v java >/dev/null 2>&1; then
  java -version 2>&1 | head -n 1
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
  java -version 2>&1 | head -n 1
  exit 0
fi
echo "Java 17 is missing. Install a Java 17 runtime (Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless; macOS: brew install openjdk@17) and run again." >&2
exit 1
