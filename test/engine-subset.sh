#!/usr/bin/env bash
# `./dev.sh test:engine hive [jest patterns…]`: builds, then runs the named end-to-end tests (by
# default the subset that exercises the gateway's edge, planning, remote subgraphs and shutdown) on the gateway
# engine given, so CI keeps the engine that is not the default honest.
set -euo pipefail
engine="${1:-}"
case "$engine" in
  apollo | hive) shift ;;
  *) echo "usage: ./dev.sh test:engine apollo|hive [jest patterns…]" >&2; exit 2 ;;
esac
if [ "$#" -eq 0 ]; then
  set -- test/e2e/card.e2e test/e2e/graph.e2e test/e2e/graphql-over-http test/e2e/limits \
    test/e2e/security.e2e test/e2e/security-edges test/e2e/partner-refusals test/e2e/consent \
    test/e2e/graceful-shutdown test/e2e/api-examples test/e2e/split-deployment test/e2e/subgraph-timeout
fi
pnpm run build
GATEWAY_ENGINE="$engine" exec pnpm run test:only -- "$@"
