#!/bin/sh
# Installs Claimcoder for the current user: the binary (with cargo install), the
# desktop entry and the icon where freedesktop desktops (GNOME, KDE, Xfce) look
# for them, so the app appears in the launcher and opens folders from a file
# manager. Nothing is written outside $HOME. Run from a clone of the repository:
#
#   sh dist/install.sh            # build, install, register
#   sh dist/install.sh --uninstall
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps="$data/applications"
icons="$data/icons/hicolor/128x128/apps"

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$apps/claimcoder.desktop" "$icons/claimcoder.png"
    cargo uninstall claimcoder 2>/dev/null || true
    echo "Claimcoder removed."
    exit 0
fi

if ! command -v cargo >/dev/null 2>&1; then
    echo "error: cargo is not installed; get the Rust toolchain from https://rustup.rs" >&2
    exit 1
fi

cargo install --locked --path "$here/.."
bin="${CARGO_INSTALL_ROOT:-${CARGO_HOME:-$HOME/.cargo}}/bin/claimcoder"

mkdir -p "$apps" "$icons"
# The entry names the installed binary by its full path: a launcher does not read
# the shell's PATH, where ~/.cargo/bin usually is.
sed "s|^Exec=claimcoder|Exec=$bin|" "$here/claimcoder.desktop" > "$apps/claimcoder.desktop"
cp "$here/claimcoder.png" "$icons/claimcoder.png"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$data/icons/hicolor" || true

echo "Claimcoder installed: $bin"
echo "Desktop entry: $apps/claimcoder.desktop"
