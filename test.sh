#!/usr/bin/env bash
# Runs every test. On a fresh Debian machine it first installs what the tests need:
# PostgreSQL (private clusters), aiosmtpd (a real SMTP peer), Chromium and a CJK font (browser tests, printed PDFs),
# poppler-utils (printed PDFs rendered to PNG and read back as text), dovecot-imapd (a real IMAP server for answering by
# reply: the tests start their own instance on a loopback port and need no system dovecot service running).
# Closes with one line "N passed, N failed" summed over every test runner; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"

packages=(postgresql python3-aiosmtpd dovecot-imapd chromium fonts-wqy-zenhei poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing Debian packages the tests need: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq || { echo "apt-get update failed" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || { echo "Could not install: ${missing[*]}" >&2; exit 1; }
fi
command -v dotnet >/dev/null || { echo "The .NET SDK (dotnet) is not on PATH; install .NET 10 first." >&2; exit 1; }
command -v npm >/dev/null || { echo "Node.js 20.19+ with npm is not on PATH; the staff UI (src/Deliberation.Designer) needs it (Debian: apt-get install nodejs npm)." >&2; exit 1; }

log=$(mktemp)
rm -rf tests/*/bin/*/net10.0/artifacts/reports
dotnet test Deliberation.sln --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# Figures that passing tests report (the bad-input run, the authorisation matrix).
for report in tests/*/bin/*/net10.0/artifacts/reports/*.txt; do [ -f "$report" ] && cat "$report"; done

# The staff UI's component logic (Vitest). Building the host ran `npm ci`; run it here too when it did not (a filtered run).
ui=src/Deliberation.Designer
uilog=$(mktemp)
( cd "$ui" && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npx vitest run ) 2>&1 | tee "$uilog"
uistatus=${PIPESTATUS[0]}

# Each test project prints "Passed!  - Failed: F, Passed: P, Skipped: S, Total: T" (or "Failed!  - …").
read -r passed failed < <(awk '
  /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+/ {
    for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) }
  }
  END { printf "%d %d\n", p, f }' FS='[ ,]+' "$log")
# Vitest closes with "Tests  N passed | M failed (T)" (colours stripped).
read -r uipassed uifailed < <(sed 's/\x1b\[[0-9;]*m//g' "$uilog" | awk '
  /^ *Tests +[0-9]/ { for (i = 1; i <= NF; i++) { if ($i ~ /^passed/) p += $(i-1); if ($i ~ /^failed/) f += $(i-1) } }
  END { printf "%d %d\n", p, f }')
rm -f "$log" "$uilog"
if [ "$uistatus" -ne 0 ] && [ "$uifailed" -eq 0 ]; then uifailed=1; fi
passed=$((passed + uipassed))
failed=$((failed + uifailed))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # dotnet test failed without a failing test (a build error or a crashed test host): count it as one failure.
  failed=1
fi
echo "${passed} passed, ${failed} failed"
[ "$status" -eq 0 ] && [ "$uistatus" -eq 0 ] && [ "$failed" -eq 0 ]
