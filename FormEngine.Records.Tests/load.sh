#!/usr/bin/env bash
# The records store's full load run: 20 writers x 200 saves to one record (half to shared answers, half to
# their own), against SQLite and, when FORMENGINE_POSTGRES names a server, PostgreSQL. CI runs the same test
# at 8 x 40. Prints each provider's outcome counts and time.
#   FORMENGINE_POSTGRES="Host=127.0.0.1;Port=5439;Username=postgres" FormEngine.Records.Tests/load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export FORMENGINE_RECORDS_WRITERS="${FORMENGINE_RECORDS_WRITERS:-20}"
export FORMENGINE_RECORDS_SAVES="${FORMENGINE_RECORDS_SAVES:-200}"
dotnet build FormEngine.Records.Tests -v quiet -nologo
dotnet test FormEngine.Records.Tests --no-build --filter "FullyQualifiedName~Writers_on_one_record" \
  --logger "console;verbosity=detailed" | grep -E "writers x|Passed |Failed |Skipped |Passed!|Failed!"
