#!/bin/sh
# Whole-command timings of issue 7 ("Scale"), reproducible:
#
#     cargo build --release --bin kompass --example gen_sessions
#     sh scripts/scale_bench.sh [DATA_DIR]
#
# Needs hyperfine (apt-get install hyperfine), GNU time (/usr/bin/time) and
# python3. Generates the seeded benchmark data into DATA_DIR (default
# $CARGO_TARGET_DIR/scale-data, else target/scale-data) unless it is there,
# then times with hyperfine (mean ± sd) and measures peak memory:
#   - kompass score and merge over 2,000 sessions of one municipality, and
#     scripts/score_reference.py (exact and float) on the same files, also
#     with --merge (writing the merge as kompass merge does);
#   - a national year, 100 municipalities x 20 interviews: `kompass score
#     --by-municipality` over the whole tree in one process, against the
#     Python reference over the whole tree in one process; for comparison
#     `kompass score` once per municipality directory; and `kompass merge
#     --by-municipality` writing the year's 100 assessments, against the
#     Python reference writing its 100 merges;
#   - growth: 200, 1,000 and 2,000 sessions; notes of 250, 1,000 and 4,000
#     bytes per question on average.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
k=$target/release/kompass
gen=$target/release/examples/gen_sessions
data=${1:-$target/scale-data}
runs=${RUNS:-10}

make() { # name municipalities per note-bytes
    [ -d "$data/$1" ] || "$gen" "$data/$1" --municipalities "$2" --per "$3" --note-bytes "$4"
}
make one2000 1 2000 1000
make one1000 1 1000 1000
make one200 1 200 1000
make notes250 1 2000 250
make notes4000 1 2000 4000
make year 100 20 1000

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2), load $(cut -d' ' -f1 /proc/loadavg)"
hf() { hyperfine -N --warmup 2 --runs "$runs" --style basic "$@" 2>&1 | grep -E 'Benchmark|Time|Range'; }

echo "== 2,000 sessions of one municipality"
hf "$k score --json $data/one2000" \
   "$k merge $data/one2000 -o $data/assessment.json --force" \
   "python3 $root/scripts/score_reference.py $data/one2000" \
   "python3 $root/scripts/score_reference.py --float $data/one2000" \
   "python3 $root/scripts/score_reference.py --merge $data/py-merge $data/one2000" \
   "python3 $root/scripts/score_reference.py --float --merge $data/py-merge $data/one2000"

echo "== a national year: 100 municipalities x 20 interviews"
hf "$k score --json --by-municipality $data/year" \
   "sh -c 'for d in $data/year/*/; do $k score --json \$d >/dev/null; done'" \
   "$k merge --by-municipality $data/year -o $data/year-out --force" \
   "python3 $root/scripts/score_reference.py $data/year" \
   "python3 $root/scripts/score_reference.py --float $data/year" \
   "python3 $root/scripts/score_reference.py --merge $data/py-merge $data/year"

echo "== growth with the number of sessions (notes 1,000 bytes a question)"
hf "$k score --json $data/one200" "$k score --json $data/one1000" "$k score --json $data/one2000"

echo "== growth with note size (2,000 sessions)"
hf "$k score --json $data/notes250" "$k score --json $data/one2000" "$k score --json $data/notes4000"

echo "== peak memory (maximum resident set size)"
for cmd in "score --json $data/one2000" "score --json $data/notes4000" \
           "score --json --by-municipality $data/year" \
           "merge $data/one2000 -o $data/fresh.json" \
           "merge --by-municipality $data/year -o $data/fresh"; do
    rm -rf "$data/fresh.json" "$data/fresh"
    /usr/bin/time -f "%M KB  kompass $cmd" "$k" $cmd >/dev/null
done
rm -rf "$data/fresh.json" "$data/fresh" "$data/year-out" "$data/assessment.json" \
       "$data/assessment.json.bak" "$data/py-merge"

echo "== the Python reference agrees with kompass on every municipality"
python3 "$root/scripts/score_reference.py" --verify "$k" "$data/year" >/dev/null && echo "100 of 100 agree"
