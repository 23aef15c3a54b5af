#!/usr/bin/env bash
# Coverage-guided fuzzing of one FormEngine input reader with afl-fuzz and SharpFuzz.
#
#   FormEngine.Fuzz/fuzz.sh TARGET SECONDS
#
# TARGET is template (the YAML template loader), rules (the rules parser, printer and checker) or
# answers (the answers reader and a session over the example templates). The script builds the harness
# into artifacts/fuzz/TARGET/bin, instruments the FormEngine assemblies there with sharpfuzz, writes the
# seed corpus and dictionary from the repository, fuzzes for SECONDS, and exits 1 if afl-fuzz saved any
# crash (an exception escaped FormEngine) or hang, after printing each such input and what it throws.
# The findings stay in artifacts/fuzz/TARGET/findings for a closer look.
#
# Environment: FUZZ_TIMEOUT_MS (default 5000) is how long one input may run before it counts as a hang.
set -euo pipefail

usage() {
  echo "usage: $0 template|rules|answers SECONDS" >&2
  exit 2
}

[ $# -eq 2 ] || usage
target=$1
seconds=$2
case "$target" in template | rules | answers) ;; *) usage ;; esac
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || usage

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "afl-fuzz is not installed: apt-get install -y afl++" >&2
  exit 3
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work="$root/artifacts/fuzz/$target"
bin="$work/bin"
rm -rf "$work"
mkdir -p "$work"

echo "== Building the harness"
dotnet tool restore >/dev/null
dotnet publish FormEngine.Fuzz -c Release -o "$bin" --nologo -v quiet
harness=(dotnet "$bin/FormEngine.Fuzz.dll")

echo "== Instrumenting the FormEngine assemblies"
for assembly in FormEngine.dll FormEngine.Rules.dll; do
  dotnet tool run sharpfuzz "$bin/$assembly"
done

echo "== Seeds and dictionary"
"${harness[@]}" seeds "$target" "$root" "$work/seeds"
"${harness[@]}" dictionary "$target" "$root" "$work/$target.dict"

# A seed that already throws is a finding of its own, and afl-fuzz would refuse to start on it.
if ! "${harness[@]}" replay "$target" "$work"/seeds/* >"$work/seeds.log"; then
  echo "A seed input already fails:" >&2
  grep -v ": no exception" "$work/seeds.log" >&2
  exit 1
fi

echo "== Fuzzing $target for $seconds s"
# dotnet is not an instrumented binary, so afl-fuzz must not look for its own instrumentation in it; the
# coverage comes from the instrumented assemblies through SharpFuzz's shared memory. No CPU binding: the
# machine may be shared. AFL_NO_UI gives a plain log instead of a full-screen status display.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_FORKSRV_INIT_TMOUT=60000
status=0
afl-fuzz -i "$work/seeds" -o "$work/findings" -x "$work/$target.dict" \
  -t "${FUZZ_TIMEOUT_MS:-5000}" -m none -V "$seconds" \
  -- "${harness[@]}" "$target" >"$work/afl.log" 2>&1 || status=$?

out="$work/findings/default"
if [ ! -f "$out/fuzzer_stats" ]; then
  echo "afl-fuzz did not run (exit $status); its log:" >&2
  tail -n 40 "$work/afl.log" >&2
  exit 3
fi

stat() { sed -n "s/^$1 *: //p" "$out/fuzzer_stats"; }
echo "$target: $(stat execs_done) runs in $(stat run_time) s ($(stat execs_per_sec)/s), corpus $(stat corpus_count) inputs," \
  "coverage $(stat bitmap_cvg) of the map, $(stat saved_crashes) crashes, $(stat saved_hangs) hangs"

shopt -s nullglob
findings=("$out"/crashes/id:* "$out"/hangs/id:*)
if [ ${#findings[@]} -eq 0 ]; then
  exit 0
fi

# Each input as afl saved it (the first 2,000 bytes; ^ and M- mark control and non-ASCII bytes), then
# what it throws, grouped by where the exception left FormEngine. A hang gets twice its limit here.
for file in "${findings[@]}"; do
  echo
  echo "---- $(basename "$(dirname "$file")") ${file#"$root"/} ($(wc -c <"$file") bytes):"
  head -c 2000 "$file" | cat -v
  echo
done
echo
echo "---- what they do:"
crashes=("$out"/crashes/id:*)
if [ ${#crashes[@]} -gt 0 ]; then
  timeout 300 "${harness[@]}" replay "$target" "${crashes[@]}" || true
fi
for file in "$out"/hangs/id:*; do
  timeout "$(((${FUZZ_TIMEOUT_MS:-5000} * 2 + 999) / 1000 + 10))" "${harness[@]}" replay "$target" "$file" ||
    echo "${file#"$root"/}: still running after twice the time limit (or it failed, see above)"
done
echo
echo "$target: afl-fuzz found ${#findings[@]} failing input(s); see above and $out" >&2
exit 1
