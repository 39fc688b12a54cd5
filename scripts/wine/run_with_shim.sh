#!/usr/bin/env bash
# Cargo's runner for Windows test binaries under Wine: puts the ProcessPrng
# stand-in (see process_prng_shim.c) beside the .exe, then runs it.
set -euo pipefail
here=$(dirname "$0")
exe=$1
shim=$(dirname "$exe")/bcryptprimitives.dll
if [ ! -e "$shim" ]; then
    x86_64-w64-mingw32-gcc -O2 -shared -o "$shim" \
        "$here/process_prng_shim.c" "$here/process_prng_shim.def" -ladvapi32
fi
export WINEDEBUG=${WINEDEBUG:--all}
export WINEDLLOVERRIDES="bcryptprimitives=n,b;mscoree=;mshtml="
exec wine "$@"
