#!/usr/bin/env bash
# Requests per second for the single-assessment form page, its post and the same page's bytes from memory (the
# ceiling), measured with wrk from another process on loopback. See docs/benchmarks.md ("Web requests per second").
#
#   FormEngine.Benchmarks.Web/measure.sh [SECONDS] [CONNECTIONS] [ROUNDS]    (defaults: 10 8 1)
#
# Builds the host in Release, starts it on 127.0.0.1, waits for /health, gets and checks the post a signed-in
# browser would send, runs wrk (2 threads) against each endpoint ROUNDS times, prints a table (with ROUNDS > 1 the
# median round by requests per second), and stops the host whatever happens. A run whose responses were not all
# 2xx or 3xx is reported as not a measurement and makes the script exit 1.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-10}
connections=${2:-8}
rounds=${3:-1}
for n in "$seconds" "$connections" "$rounds"; do
  [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] || { echo "Arguments are whole numbers: SECONDS CONNECTIONS ROUNDS" >&2; exit 2; }
done
[ "$seconds" -le 60 ] && [ "$connections" -le 64 ] && [ "$rounds" -le 5 ] \
  || { echo "Keep runs bounded: at most 60 seconds, 64 connections and 5 rounds." >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is not installed: apt-get install -y curl" >&2; exit 2; }

work=$(mktemp -d /tmp/formengine-web.XXXXXX)
host_pid=""
stop() {
  if [ -n "$host_pid" ] && kill -0 "$host_pid" 2>/dev/null; then
    kill "$host_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$host_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$host_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT
trap 'exit 130' INT TERM

dotnet build -c Release FormEngine.Benchmarks.Web -v quiet -nologo >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; echo "The build failed." >&2; exit 1; }
program=FormEngine.Benchmarks.Web/bin/Release/net10.0/FormEngine.Benchmarks.Web.dll

port=5380
while (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done  # something else has it
url="http://127.0.0.1:$port"
dotnet "$program" --urls "$url" --Examples="$(pwd)/examples" >"$work/host.log" 2>&1 &
host_pid=$!
for _ in $(seq 1 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health" 2>/dev/null)" = 200 ] && break
  kill -0 "$host_pid" 2>/dev/null || { cat "$work/host.log" >&2; echo "The host stopped while starting." >&2; exit 1; }
  sleep 0.5
done
[ "$(curl -s "$url/health")" = Healthy ] || { cat "$work/host.log" >&2; echo "The host did not become healthy in 60 s." >&2; exit 1; }

dotnet "$program" prepare "$url/" "$work/post"

# Two seconds of each endpoint first, not counted, so the JIT has settled before anything is timed.
for kind in ceiling get post; do
  wrk -t2 -c"$connections" -d2s -s FormEngine.Benchmarks.Web/load.lua "$url" -- "$kind" "$work/post" >/dev/null
done

echo "Load before: $(uptime)"
bad=0
declare -A result
for round in $(seq 1 "$rounds"); do
  for kind in ceiling get post; do
    line=$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 5s -s FormEngine.Benchmarks.Web/load.lua "$url" -- "$kind" "$work/post" | grep '^RESULT ')
    result[$kind,$round]=$line
    status=$(sed -n 's/.* bad_status=\([0-9]*\).*/\1/p' <<<"$line")
    sockets=$(sed -n 's/.* socket_errors=\([0-9]*\).*/\1/p' <<<"$line")
    if [ "$status" != 0 ] || [ "$sockets" != 0 ]; then
      echo "$kind, round $round: $status responses were not 2xx or 3xx and $sockets socket errors: not a measurement." >&2
      bad=1
    fi
  done
done
echo "Load after:  $(uptime)"
grep -E 'fail|crit' -i "$work/host.log" >&2 || true

field() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" <<<"$1"; }
# The round with the median requests per second, for each endpoint.
median() {
  for round in $(seq 1 "$rounds"); do echo "$(field "${result[$1,$round]}" rps) $round"; done \
    | sort -n | sed -n "$(( (rounds + 1) / 2 ))p" | cut -d' ' -f2
}

echo
gc=$([ "${DOTNET_gcServer:-1}" = 0 ] && echo "Workstation GC" || echo "Server GC")
echo "wrk, 2 threads, $connections connections, ${seconds} s per run, $rounds round(s) (median round shown); host: Release, $gc, $(nproc) cores"
echo
echo "| Endpoint | Requests/s | Mean latency | p50 | p99 | Of the ceiling | Non-2xx/3xx | Every round (requests/s) |"
echo "|---|---|---|---|---|---|---|---|"
ceiling_rps=$(field "${result[ceiling,$(median ceiling)]}" rps)
for kind in ceiling get post; do
  line=${result[$kind,$(median "$kind")]}
  rps=$(field "$line" rps)
  name=$(case $kind in ceiling) echo "GET /ceiling (same page from memory)";; get) echo "GET /cases/1 (form page)";; post) echo "POST /cases/1 (the form, unchanged)";; esac)
  every=$(for round in $(seq 1 "$rounds"); do printf '%.0f ' "$(field "${result[$kind,$round]}" rps)"; done)
  printf '| %s | %.0f | %.2f ms | %.2f ms | %.2f ms | %.1f %% | %s | %s |\n' "$name" "$rps" "$(field "$line" mean_ms)" "$(field "$line" p50_ms)" \
    "$(field "$line" p99_ms)" "$(awk -v a="$rps" -v b="$ceiling_rps" 'BEGIN { print 100 * a / b }')" "$(field "$line" bad_status)" "${every% }"
done
get_rps=$(field "${result[get,$(median get)]}" rps)
post_rps=$(field "${result[post,$(median post)]}" rps)
cores=$(nproc)
echo
# A case served: the form opened once and saved once; the host's CPU is shared by the load generator, so this is a floor.
awk -v g="$get_rps" -v p="$post_rps" -v c="$cores" 'BEGIN {
  per_case = 1 / g + 1 / p
  printf "Cases served (one form page and one save each): %.0f per hour per core (%.0f per second on %d cores)\n", 3600 / per_case / c, 1 / per_case, c
}'
exit $bad
