#!/bin/bash
# marketsim bootstrap (Vast onstart): make this instance a one-job GitHub runner, then destroy it:
# after the job, when no job comes within the grace period, or at the maximum lifetime.
# Vast may start onstart with sh; the rest needs bash.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
H=${MARKETSIM_HOME:-/root/marketsim}
mkdir -p "$H"
exec >>"$H/bootstrap.log" 2>&1
say() { echo "$(date -u +%FT%TZ) $*"; }

destroy() {
  say "destroying instance ${CONTAINER_ID:-?}: $1"
  for i in 1 2 3 4 5 6; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -X DELETE -H "Authorization: Bearer ${CONTAINER_API_KEY:-}" \
      -H 'Content-Type: application/json' -d '{}' "${VAST_URL:-https://console.vast.ai}/api/v0/instances/${CONTAINER_ID:-0}/")
    case $code in 200 | 404) say "destroy answered $code"; exit 0 ;; esac
    say "destroy answered $code; retrying"
    sleep $((i * 2))
  done
  exit 1
}

main() {
  say "bootstrap of instance ${CONTAINER_ID:-?}, label ${MARKETSIM_RUNNER_LABEL:-?}"
  # onstart runs on every container start; a JIT runner is single-use, so a restart is the end.
  [ -e "$H/started" ] && destroy "container restarted after its one job"
  local jit="" n=0 v
  while [ "$n" -lt "${MARKETSIM_JIT_COUNT:-0}" ]; do
    v=$(printf 'MARKETSIM_JIT_%02d' "$n")
    jit="$jit${!v}"
    unset "$v"
    n=$((n + 1))
  done
  unset MARKETSIM_JIT_COUNT
  [ -n "$jit" ] || destroy "no JIT config in the environment"

  local r=${MARKETSIM_RUNNER_DIR:-/opt/actions-runner}
  if [ ! -x "$r/run.sh" ]; then
    r=$H/runner
    mkdir -p "$r"
    say "downloading the runner from ${MARKETSIM_RUNNER_URL:-?}"
    curl -fsSL --retry 5 -o "$H/runner.tgz" "${MARKETSIM_RUNNER_URL:-}" || destroy "runner download failed"
    echo "${MARKETSIM_RUNNER_SHA256:-none}  $H/runner.tgz" | sha256sum -c - || destroy "runner checksum mismatch"
    tar xzf "$H/runner.tgz" -C "$r" || destroy "runner unpack failed"
  fi
  printf '#!/bin/sh\ntouch "%s/job-started"\n' "$H" >"$H/job-started.sh"
  chmod +x "$H/job-started.sh"
  touch "$H/started"

  # The JIT config reaches the runner only through its environment: never argv, never disk.
  ACTIONS_RUNNER_INPUT_JITCONFIG=$jit ACTIONS_RUNNER_HOOK_JOB_STARTED=$H/job-started.sh RUNNER_ALLOW_RUNASROOT=1 \
    "$r/run.sh" >>"$H/runner.log" 2>&1 &
  local pid=$! start
  jit=""
  start=$(date +%s)
  say "runner started (pid $pid)"
  while kill -0 "$pid" 2>/dev/null; do
    local age=$(($(date +%s) - start))
    if [ "$age" -ge "${MARKETSIM_MAX_LIFETIME:-21600}" ]; then kill "$pid"; destroy "maximum lifetime reached"; fi
    if [ ! -e "$H/job-started" ] && [ "$age" -ge "${MARKETSIM_JOB_GRACE:-900}" ]; then kill "$pid"; destroy "no job arrived in time"; fi
    sleep "${MARKETSIM_WATCH_INTERVAL:-10}"
  done
  wait "$pid"
  destroy "runner exited ($?) after its job"
}

# Vast waits for onstart; the watchdog lives on in the background.
main </dev/null &
