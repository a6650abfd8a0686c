#!/usr/bin/env bash
# JATS4R's Schematron rules (../shared/schemas/jats4r) need an XSLT 2/3 processor: Debian's
# Saxon-HE (libsaxonhe-java, a jar run on the Java 17 that infra/local/setup-java.sh installs).
# Installs it with apt-get when the jar is missing (root on Debian/Ubuntu), otherwise says what to
# install. Safe to run again: it does nothing when the jar is there.
set -euo pipefail
JAR="${COLOPHON_SAXON_JAR:-/usr/share/java/Saxon-HE.jar}"
if [ -f "$JAR" ]; then
  echo "Saxon-HE: $JAR"
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libsaxonhe-java >/dev/null
  echo "Saxon-HE: $JAR"
  exit 0
fi
echo "Saxon-HE is missing at $JAR. Install it (Debian/Ubuntu: sudo apt-get install libsaxonhe-java; elsewhere set COLOPHON_SAXON_JAR to a Saxon-HE 9.9+ jar) and run again." >&2
exit 1
