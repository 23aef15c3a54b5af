#!/usr/bin/env bash
# Start-up of the command line as a whole process: `formengine render <single-assessment record> --format pdf`,
# published the ordinary way and ReadyToRun, against a cold headless Chromium printing the same record's HTML.
# See docs/benchmarks.md ("Start-up of the command line").
#
#   FormEngine.Benchmarks/cli-startup.sh [RUNS]    (default 10, at most 50)
#
# Needs hyperfine and chromium (apt-get install -y hyperfine chromium). Publishes into artifacts/cli-startup/.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-10}
[[ "$runs" =~ ^[0-9]+$ ]] && [ "$runs" -ge 2 ] && [ "$runs" -le 50 ] || { echo "RUNS is a whole number from 2 to 50." >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "hyperfine is not installed: apt-get install -y hyperfine" >&2; exit 2; }
chromium=${FORMENGINE_CHROMIUM:-$(command -v chromium || true)}
[ -x "$chromium" ] || { echo "Chromium is not installed: apt-get install -y chromium (or set FORMENGINE_CHROMIUM)" >&2; exit 2; }

out=artifacts/cli-startup
rm -rf "$out"
mkdir -p "$out"
rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)
dotnet publish FormEngine.Cli -c Release -o "$out/ordinary" -nologo -v quiet
dotnet publish FormEngine.Cli -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$out/readytorun" -nologo -v quiet

template=examples/single-assessment/single-assessment.yaml
record="--answers examples/single-assessment/answers/toddler-disabled.json --today 2026-11-26 --case-reference CIN-2026-0042 --marking OFFICIAL-SENSITIVE"
# The HTML Chromium prints is FormEngine's own record of the same answers.
"$out/ordinary/FormEngine.Cli" render $template $record --format html --out "$out/record.html"
profile=$(mktemp -d /tmp/formengine-chromium.XXXXXX)
trap 'rm -rf "$profile"' EXIT

echo "Load before: $(uptime)"
hyperfine -N --warmup 1 --runs "$runs" --export-markdown "$out/startup.md" --export-json "$out/startup.json" \
  -n "formengine --version (ordinary)" "$out/ordinary/FormEngine.Cli --version" \
  -n "formengine --version (ReadyToRun)" "$out/readytorun/FormEngine.Cli --version" \
  -n "formengine render pdf (ordinary)" "$out/ordinary/FormEngine.Cli render $template $record --format pdf --out $out/ordinary.pdf" \
  -n "formengine render pdf (ReadyToRun)" "$out/readytorun/FormEngine.Cli render $template $record --format pdf --out $out/readytorun.pdf" \
  -n "chromium --print-to-pdf (cold)" "$chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --user-data-dir=$profile --print-to-pdf=$out/chromium.pdf file://$(pwd)/$out/record.html"
echo "Load after:  $(uptime)"
cmp -s "$out/ordinary.pdf" "$out/readytorun.pdf" || { echo "The two builds wrote different PDFs." >&2; exit 1; }
echo
# Medians (hyperfine's table shows means).
python3 - "$out/startup.json" <<'EOF'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"| {r['command']} | {r['median'] * 1000:.0f} ms | {r['min'] * 1000:.0f} ms | {r['max'] * 1000:.0f} ms | {r['user'] * 1000:.0f} ms |")
EOF
