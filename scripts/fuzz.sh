#!/usr/bin/env bash
# Generated hostile data, any number of cases: `bash scripts/fuzz.sh N` runs N cases of
# tests/hostile_data (a valid persona's document mutated, through decoding, the domain, the words
# of every page in four languages, a copy opened on the device and the record kept from it) from
# a new seed, which it prints; `FUZZ_SEED=S bash scripts/fuzz.sh N` runs the same N again. The
# smallest failing case is kept in tests/hostile_data/regressions/, checked by every test run.
# Optimised, with overflow checks and debug assertions still on (the `fuzz` profile).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
CASES=${1:?usage: bash scripts/fuzz.sh CASES}
export FUZZ_CASES=$CASES
export FUZZ_SEED=${FUZZ_SEED:-$(od -An -N6 -tu8 /dev/urandom | tr -d ' ')}
cargo test --locked --profile fuzz --test hostile_data no_document_a_back_end_sends_breaks_the_app -- --nocapture
