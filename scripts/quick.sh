#!/usr/bin/env bash
# The quick loop: lint (ruff), type-check (mypy) and the tests that start no kernel and no
# browser (pytest -m "not slow"), on every core (pytest-xdist; each module on one worker, so
# its cached scenarios and module fixtures are built once), in under a minute. The full
# command is scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/ruff check lib tests bench scripts
.venv/bin/mypy
.venv/bin/python -m pytest -q -m "not slow" -n auto --dist loadfile "$@"
