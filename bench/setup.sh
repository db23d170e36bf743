#!/usr/bin/env bash
# The benchmark's own virtual environment: kravkoll (editable) plus proselint, the prose linter
# the benchmark compares against. proselint is never a dependency of kravkoll itself.
#
#   bash bench/setup.sh && bench/.venv/bin/python bench/run.py
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
python3 -m venv "$here/.venv"
"$here/.venv/bin/python" -m pip install --quiet --upgrade pip
"$here/.venv/bin/python" -m pip install --quiet -e "$root" "proselint==0.16.0"
echo "bench/.venv ready: $("$here/.venv/bin/python" -m pip show proselint | grep -i '^version')"
