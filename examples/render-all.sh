#!/usr/bin/env bash
# Renders the examples into examples/rendered/, the reference outputs committed beside them.
# Run it after changing an example or a renderer, and look at what changed before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build FormEngine.Cli --nologo -v quiet >/dev/null
out=examples/rendered
mkdir -p "$out"
render() { dotnet run --project FormEngine.Cli --no-build -- render "$@" --today 2026-11-26; }

sa=examples/single-assessment
render $sa/single-assessment.yaml --answers $sa/answers/toddler-disabled.json --format pdf --out $out/leo-record.pdf --case-reference CIN-2026-0042 --marking OFFICIAL-SENSITIVE
render $sa/single-assessment.yaml --answers $sa/answers/toddler-disabled.json --format html --out $out/leo-record.html --case-reference CIN-2026-0042 --marking OFFICIAL-SENSITIVE
render $sa/single-assessment.yaml --answers $sa/answers/toddler-disabled.json --format pdf --audience parent --out $out/leo-record-for-parent.pdf --case-reference CIN-2026-0042 --marking OFFICIAL-SENSITIVE
render $sa/single-assessment.yaml --answers $sa/answers/toddler-disabled.json --format html --mode form --theme govuk --out $out/leo-form-govuk.html
render $sa/single-assessment.yaml --answers $sa/answers/teenager-young-carer.json --format html --mode audit --out $out/jordan-audit.html
render $sa/single-assessment.yaml --answers $sa/answers/siblings-neglect.json --format text --out $out/maya-record.md
render $sa/single-assessment.yaml --format pdf --mode blank --out $out/single-assessment-blank.pdf

mv=examples/my-views
render $mv/my-views.yaml --answers $mv/answers/aled.json --audience child --lang cy --format pdf --out $out/aled-fy-marn.pdf
render $mv/my-views.yaml --answers $mv/answers/aled.json --audience practitioner --lang cy --second-lang en --format html --out $out/aled-views-bilingual.html
render $mv/my-views.yaml --answers $mv/answers/aled.json --audience practitioner --lang cy --second-lang en --format pdf --out $out/aled-views-bilingual.pdf
render $mv/my-views.yaml --audience child --lang cy --second-lang en --layout sequential --mode blank --format pdf --out $out/my-views-blank-bilingual.pdf

wb=examples/wellbeing-check
render $wb/wellbeing-check.yaml --answers $wb/answers/ellie.json --format pdf --out $out/ellie-wellbeing.pdf

render examples/rules-quickstart/quickstart.yaml --answers examples/rules-quickstart/answers.json --format text --out $out/quickstart-record.md
