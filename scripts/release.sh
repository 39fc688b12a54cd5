#!/usr/bin/env bash
# The release binaries, each with its sha256, in dist/kompass-VERSION/:
#
#   kompass-VERSION-linux-x86_64        static (musl): runs on any x86_64 Linux
#   kompass-VERSION-windows-x86_64.exe  linked with mingw-w64: Windows 10 and later
#   SHA256SUMS                          for `sha256sum -c SHA256SUMS`
#
# macOS x86_64 is checked (`cargo check --release`), not built: linking for
# macOS needs Apple's SDK and linker, which a Linux machine does not have.
# Build the Mac binary on a Mac with `cargo build --release`.
#
#   scripts/release.sh      # about 15 min on a quiet 2-core machine
#
# Needs: rustup, Debian's gcc-mingw-w64-x86-64 (and gcc, as the musl
# target's linker driver). Without the musl target the Linux binary is the
# glibc one (dynamically linked), and the script says so.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
out=dist/kompass-$version
rm -rf "$out"
mkdir -p "$out"
# Smaller binaries: no symbols (a panic's message still names its place).
export CARGO_PROFILE_RELEASE_STRIP=symbols CARGO_PROFILE_RELEASE_DEBUG=0

say() { echo "release: $*" >&2; }

linux=x86_64-unknown-linux-musl
if ! rustup target add "$linux" >/dev/null 2>&1; then
    say "WARNING: the musl target is not available: the Linux binary is dynamically linked (glibc)"
    linux=x86_64-unknown-linux-gnu
fi
say "building Linux ($linux)"
cargo build --release --locked --target "$linux" --bin kompass
cp "target/$linux/release/kompass" "$out/kompass-$version-linux-x86_64"

say "building Windows (x86_64-pc-windows-gnu)"
rustup target add x86_64-pc-windows-gnu >/dev/null 2>&1 || true
command -v x86_64-w64-mingw32-gcc >/dev/null ||
    { say "x86_64-w64-mingw32-gcc is missing (apt-get install gcc-mingw-w64-x86-64)"; exit 1; }
cargo build --release --locked --target x86_64-pc-windows-gnu --bin kompass
cp target/x86_64-pc-windows-gnu/release/kompass.exe "$out/kompass-$version-windows-x86_64.exe"

say "checking macOS (x86_64-apple-darwin): compiled, not linked"
rustup target add x86_64-apple-darwin >/dev/null 2>&1 || true
cargo check --release --locked --target x86_64-apple-darwin --bin kompass

# The Linux binary must run anywhere: no dynamic loader, no shared libraries.
if [ "$linux" = x86_64-unknown-linux-musl ] && file "$out/kompass-$version-linux-x86_64" | grep -q dynamic; then
    file "$out/kompass-$version-linux-x86_64" >&2
    say "FAIL: the Linux binary is not static"
    exit 1
fi
"$out/kompass-$version-linux-x86_64" --version >/dev/null

(
    cd "$out"
    binaries=("kompass-$version-linux-x86_64" "kompass-$version-windows-x86_64.exe")
    for f in "${binaries[@]}"; do
        sha256sum "$f" >"$f.sha256"
    done
    sha256sum "${binaries[@]}" >SHA256SUMS
    sha256sum -c --quiet SHA256SUMS
)
say "done: $out"
ls -l "$out" >&2
cat "$out/SHA256SUMS"
