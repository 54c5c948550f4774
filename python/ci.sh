#!/usr/bin/env bash
# CI of the Python package, called by .ci/run: a fresh virtual environment, the README's
# install line, the optional dependencies, then the package's tests (spaCy, pandas and the
# Spark job included; a Java runtime is installed for Spark where there is none).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS

# The extension crate is not a member of the root workspace: its own format and lint checks.
echo "== cargo fmt --check, cargo clippy (python/)"
cargo fmt --manifest-path python/Cargo.toml -- --check
cargo clippy --manifest-path python/Cargo.toml --all-targets -- -D warnings

command -v java >/dev/null || (apt-get update && apt-get install -y default-jre-headless)

venv="$(mktemp -d)/venv"
trap 'rm -rf "$(dirname "$venv")"' EXIT
python3 -m venv "$venv"
# shellcheck disable=SC1091
. "$venv/bin/activate"

echo "== pip install ./python"
t=$SECONDS
pip install ./python
echo "package built and installed in $((SECONDS - t)) s"

echo "== pip install pytest spacy pandas pyarrow pyspark"
t=$SECONDS
pip install pytest spacy pandas pyarrow pyspark
echo "test dependencies installed in $((SECONDS - t)) s"

echo "== pytest python/tests"
# The tests compare with the Rust CLI (cargo run --example extract) from the repository root.
python -m pytest python/tests
echo "Python CI: $((SECONDS - start)) s"
