#!/usr/bin/env bash
# The test command: lint (ruff), type-check (mypy), then the test suite (pytest).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --no-demo
.venv/bin/ruff check lib tests bench scripts
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
