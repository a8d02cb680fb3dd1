#!/usr/bin/env bash
# Makes the local Debian base image, for hosts that reach no container registry (a closed
# government network, or these build machines): a minimal bookworm from the host's own Debian
# mirror, imported into podman/docker. About a minute.
#
#   docker/base/debian-base.sh [image]          (root; needs debootstrap)
#
# DEBIAN_MIRROR overrides the mirror; by default the first URI of the host's apt sources.
set -euo pipefail
image="${1:-localhost/sl-debian:bookworm}"
engine="${ENGINE:-podman}"
mirror="${DEBIAN_MIRROR:-}"
if [ -z "$mirror" ]; then
  mirror="$(sed -n 's/^URIs: *\([^ ]*debian\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)"
fi
if [ -z "$mirror" ]; then
  mirror="$(sed -n 's/^deb \(\[[^]]*\] \)\?\([^ ]*\) bookworm main.*/\2/p' /etc/apt/sources.list 2>/dev/null | head -1)"
fi
[ -n "$mirror" ] || { echo "debian-base: no Debian mirror found; set DEBIAN_MIRROR" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "debian-base: debootstrap is missing (apt-get install debootstrap)" >&2; exit 1; }
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
echo "debian-base: debootstrap bookworm from $mirror" >&2
debootstrap --variant=minbase bookworm "$dir" "$mirror" >/dev/null
# The image's apt must use the same mirror, and keep no package lists or caches.
echo "deb $mirror bookworm main" > "$dir/etc/apt/sources.list"
rm -rf "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/*.bin "$dir"/var/cache/apt/archives/*.deb
tar -C "$dir" -c . | "$engine" import - "$image" >/dev/null
echo "debian-base: $image" >&2
