#!/usr/bin/env bash
# The Windows build, linked with mingw-w64, run under Wine on the sample
# sessions beside the Linux build: every command's output (stdout, stderr,
# exit status, files written) must be byte for byte the Linux build's.
# Nothing is masked but what differs by nature: the encrypted bundles
# (random by design; the sessions they carry are compared instead) and the
# time an assessment was written (`created_at`, `updated_at`).
#
#   scripts/windows_smoke.sh          # about 12 min on a loaded 2-core machine
#   scripts/windows_smoke.sh --full   # also the library's unit tests, built
#                                     # for Windows and run under Wine
#
# Needs: rustup target x86_64-pc-windows-gnu, Debian's gcc-mingw-w64-x86-64
# and wine (see .ci/run). Wine gets a new prefix of its own each run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=x86_64-pc-windows-gnu
full=0
[ "${1:-}" = "--full" ] && full=1
started=$(date +%s)

fail() {
    echo "windows smoke: FAIL: $*" >&2
    exit 1
}
for tool in x86_64-w64-mingw32-gcc wine wineserver; do
    command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install gcc-mingw-w64-x86-64 wine)"
done

# No debug info: the Windows build is only run, never debugged, here, and
# the link is faster and smaller without it.
echo "windows smoke: building (Linux and $target)"
cargo build --quiet --bin kompass
CARGO_PROFILE_DEV_DEBUG=0 cargo build --quiet --target "$target" --bin kompass
linux_bin=$root/target/debug/kompass
windows_exe=$root/target/$target/debug/kompass.exe

built=$(date +%s)
echo "windows smoke: both builds ready after $((built - started)) s"

work=$(mktemp -d)
export WINEPREFIX=$work/wineprefix WINEDEBUG=-all
# The shim below instead of Wine's bcryptprimitives; no Mono or Gecko
# installer dialogs while the prefix is created.
export WINEDLLOVERRIDES="bcryptprimitives=n,b;mscoree=;mshtml="
cleanup() {
    wineserver -k >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

# Debian's Wine 8 lacks ProcessPrng, which Rust's std imports: a stand-in
# DLL beside the .exe (scripts/wine/process_prng_shim.c).
mkdir -p "$work/bin"
cp "$windows_exe" "$work/bin/kompass.exe"
x86_64-w64-mingw32-gcc -O2 -shared -o "$work/bin/bcryptprimitives.dll" \
    scripts/wine/process_prng_shim.c scripts/wine/process_prng_shim.def -ladvapi32

wineboot --init >/dev/null 2>&1 || fail "wineboot could not create a prefix"
echo "windows smoke: Wine prefix ready after $(($(date +%s) - started)) s"

# Each build works in a copy of its own of the sample sessions.
for side in linux windows; do
    mkdir -p "$work/$side"
    cp -r sessions "$work/$side/sessions"
done

# run SIDE NAME ARGS...: the command in SIDE's copy, its stdout, stderr and
# exit status kept under out/NAME.
run() {
    local side=$1 name=$2
    shift 2
    local out=$work/$side/out
    mkdir -p "$out"
    local status=0
    if [ "$side" = linux ]; then
        (cd "$work/$side" && "$linux_bin" --lang en "$@") >"$out/$name.stdout" 2>"$out/$name.stderr" || status=$?
    else
        (cd "$work/$side" && wine "$work/bin/kompass.exe" --lang en "$@") >"$out/$name.stdout" 2>"$out/$name.stderr" || status=$?
    fi
    echo "$status" >"$out/$name.status"
}

# both NAME ARGS...: the same command on both sides.
both() {
    run linux "$@"
    run windows "$@"
}

checked=0
# same FILE...: FILE (relative to each side's copy) is byte for byte equal.
same() {
    local f
    for f in "$@"; do
        [ -e "$work/linux/$f" ] || fail "the Linux build wrote no $f"
        [ -e "$work/windows/$f" ] || fail "the Windows build wrote no $f"
        if ! cmp -s "$work/linux/$f" "$work/windows/$f"; then
            diff <(cat -v "$work/linux/$f") <(cat -v "$work/windows/$f") | head -20 >&2 || true
            fail "$f differs between the Linux and the Windows build"
        fi
        checked=$((checked + 1))
    done
}

# same_timeless FILE: FILE is byte for byte equal once the times it was
# written at are masked (an assessment's created_at and updated_at).
same_timeless() {
    local side
    for side in linux windows; do
        sed -E 's/^(  "(created|updated)_at": )"[^"]*"/\1"<time>"/' "$work/$side/$1" >"$work/$side/$1.timeless"
    done
    same "$1.timeless"
}

# same_run NAME: stdout, stderr and exit status of a command run by both().
# Windows names the files it found in a folder with its own separator
# (sessions\eksempelvik\x.json): a backslash before a letter or digit is
# read as a slash. Markdown's escapes (`1\.`, `\*`) come before punctuation
# and stay as they are.
same_run() {
    local stream
    for stream in stdout stderr; do
        sed -i -E 's|\\([[:alnum:]])|/\1|g' "$work/windows/out/$1.$stream"
    done
    same "out/$1.stdout" "out/$1.stderr" "out/$1.status"
}

sessions=sessions/eksempelvik
one_session=$(ls $sessions | head -1)

both validate validate sessions
same_run validate
both score score $sessions --json
same_run score
both score_one score "$sessions/$one_session" --json
same_run score_one
both merge merge $sessions -o assessment.json --baseline sessions/baselines/eksempelvik-2022.json
same_run merge
same_timeless assessment.json
for format in html md csv json xlsx; do
    both "report_$format" report assessment.json --format "$format" -o "report.$format" \
        --baseline sessions/baselines/nasjonalt-snitt-2026.json
    same_run "report_$format" "report.$format"
done
both report_stdout report assessment.json --format md
same_run report_stdout
both import_results import-results sessions/baselines/eksempelvik-2022.csv \
    --name "Eksempelvik 2022" -o baseline-2022.json
same_run import_results
same baseline-2022.json

# Bad input: the same message, naming the same file and place.
printf '{"format": "kompass-session", "version": 1,\n  "oops"\n}\n' >"$work/linux/broken.json"
cp "$work/linux/broken.json" "$work/windows/broken.json"
both validate_broken validate broken.json
same_run validate_broken
[ "$(cat "$work/linux/out/validate_broken.status")" != 0 ] || fail "a broken file passed validate"

# Handover: one key (made on Linux), each build exports, the other imports;
# the sessions arrive byte for byte.
run linux keygen keygen -o reviewer.key
cp "$work/linux/reviewer.key" "$work/windows/reviewer.key"
recipient=$(grep -o 'age1[0-9a-z]*' "$work/linux/out/keygen.stdout" "$work/linux/out/keygen.stderr" | head -1 | cut -d: -f2)
[ -n "$recipient" ] || fail "keygen printed no public key"
both export export --to "$recipient" $sessions -o bundle.age
same "out/export.status"
same_run export
cp "$work/linux/bundle.age" "$work/windows/incoming.age"
cp "$work/windows/bundle.age" "$work/linux/incoming.age"
both import --dir imported import incoming.age --identity reviewer.key
same_run import
for f in "$root"/$sessions/*.json; do
    same "imported/eksempelvik/$(basename "$f")"
    cmp -s "$f" "$work/windows/imported/eksempelvik/$(basename "$f")" ||
        fail "$(basename "$f") did not arrive as it left"
done

# A read-only file is refused cleanly: exit status 1, a message, the file
# as it was, nothing left beside it.
for side in linux windows; do
    echo "kept" >"$work/$side/protected.html"
    chmod a-w "$work/$side/protected.html"
done
both read_only report assessment.json --format html -o protected.html
same_run read_only
[ "$(cat "$work/linux/out/read_only.status")" = 1 ] || fail "writing over a read-only file was not refused"
grep -q "read-only" "$work/windows/out/read_only.stderr" || fail "the refusal does not say the file is read-only"
same protected.html
[ "$(cat "$work/windows/protected.html")" = kept ] || fail "the read-only file was changed"
[ -z "$(find "$work/windows" -maxdepth 1 \( -name '.kompass-*' -o -name 'protected.html.bak' \))" ] ||
    fail "a refused write left files behind"

if [ "$full" = 1 ]; then
    echo "windows smoke: the library's unit tests under Wine"
    CARGO_PROFILE_DEV_DEBUG=0 CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER="$root/scripts/wine/run_with_shim.sh" \
        cargo test --target "$target" --lib
fi

echo "windows smoke: OK, $checked outputs identical, $(($(date +%s) - started)) s in all, $(($(date +%s) - built)) s after the builds"
