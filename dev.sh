#!/usr/bin/env bash
# One entry point for people and CI: makes sure Node 24 and pnpm are there (fetched from the npm
# registry into .tools/ when the machine's Node is older), installs the workspace, then runs
# `pnpm <args>`.  ./dev.sh start  — set up and run;  ./dev.sh test — the test suite.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
NODE_MAJOR=24
NODE_VERSION_RANGE="^24.11.0"
PNPM_VERSION="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' package.json)"
tools="$root/.tools"

node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt "$NODE_MAJOR" ]; then
  if [ ! -x "$tools/node/node_modules/node/bin/node" ] || [ "$(node_major "$tools/node/node_modules/node/bin/node")" -lt "$NODE_MAJOR" ]; then
    echo "dev.sh: system Node $(node --version 2>/dev/null || echo none) is older than $NODE_MAJOR; fetching node@$NODE_VERSION_RANGE from the npm registry" >&2
    mkdir -p "$tools/node"
    npm install --prefix "$tools/node" --no-save --no-audit --no-fund --loglevel=error "node@$NODE_VERSION_RANGE" >&2
  fi
  export PATH="$tools/node/node_modules/node/bin:$PATH"
fi

if [ ! -f "$tools/pnpm/node_modules/pnpm/package.json" ] || \
   [ "$(node -p "require('$tools/pnpm/node_modules/pnpm/package.json').version")" != "$PNPM_VERSION" ]; then
  echo "dev.sh: installing pnpm@$PNPM_VERSION into .tools/pnpm" >&2
  mkdir -p "$tools/pnpm"
  npm install --prefix "$tools/pnpm" --no-save --no-audit --no-fund --loglevel=error "pnpm@$PNPM_VERSION" >&2
fi
mkdir -p "$tools/bin"
cat > "$tools/bin/pnpm" <<SH
#!/usr/bin/env bash
exec node "$tools/pnpm/node_modules/pnpm/bin/pnpm.cjs" "\$@"
SH
chmod +x "$tools/bin/pnpm"
export PATH="$tools/bin:$PATH"

# Install with the committed lockfile, only when it changed since the last install here.
stamp="node_modules/.dev-sh-lockfile"
if [ ! -f "$stamp" ] || ! cmp -s pnpm-lock.yaml "$stamp"; then
  pnpm install --frozen-lockfile >&2
  cp pnpm-lock.yaml "$stamp"
fi

[ "$#" -gt 0 ] || set -- start
exec pnpm "$@"
