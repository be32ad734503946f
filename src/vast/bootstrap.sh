#!/bin/bash
# marketsim bootstrap (Vast onstart): make this instance a one-job GitHub runner, then destroy it:
# after the job, when no job comes within the grace period, or at the maximum lifetime.
# Vast may start onstart with sh; the rest needs bash.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
H=${MARKETSIM_HOME:-/root/marketsim}
mkdir -p "$H"
exec >>"$H/bootstrap.log" 2>&1
say() { echo "$(date -u +%FT%TZ) $*"; }

# Never gives up: every call is bounded by --max-time, and the pause doubles up to a cap.
destroy() {
  say "destroying instance ${CONTAINER_ID:-?}: $1"
  local n=0 pause=2 code
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --connect-timeout 10 --max-time 30 -X DELETE \
      -H "Authorization: Bearer ${CONTAINER_API_KEY:-}" -H 'Content-Type: application/json' -d '{}' \
      "${VAST_URL:-https://console.vast.ai}/api/v0/instances/${CONTAINER_ID:-0}/")
    case $code in 200 | 404) say "destroy answered $code"; exit 0 ;; esac
    n=$((n + 1))
    say "destroy answered ${code:-nothing} (try $n); again in ${pause}s"
    sleep "$pause"
    pause=$((pause * 2))
    [ "$pause" -le "${MARKETSIM_DESTROY_MAX_PAUSE:-300}" ] || pause=${MARKETSIM_DESTROY_MAX_PAUSE:-300}
  done
}

# Joins <prefix>00, 01, ... (Vast allows 256 characters an entry) into $joined; unsets the pieces.
join_chunks() {
  local n=0 v count="${1}COUNT"
  joined=""
  while [ "$n" -lt "${!count:-0}" ]; do
    v=$(printf '%s%02d' "$1" "$n")
    joined="$joined${!v}"
    unset "$v"
    n=$((n + 1))
  done
  unset "$count"
}

# Scoped storage credentials arrive as base64 of NAME=value lines in MARKETSIM_ENV_NN: only R2_* names
# are exported, for the runner (and so the GPU job's actions) alone.
load_host_env() {
  local line
  join_chunks MARKETSIM_ENV_
  [ -n "$joined" ] || return 0
  while IFS= read -r line; do
    if [[ ${line%%=*} =~ ^R2_[A-Z0-9_]+$ ]]; then export "${line?}"; fi
  done < <(printf '%s' "$joined" | base64 -d)
  joined=""
}

main() {
  say "bootstrap of instance ${CONTAINER_ID:-?}, label ${MARKETSIM_RUNNER_LABEL:-?}"
  # onstart runs on every container start; a JIT runner is single-use, so a restart is the end.
  [ -e "$H/started" ] && destroy "container restarted after its one job"
  join_chunks MARKETSIM_JIT_
  local jit=$joined
  joined=""
  [ -n "$jit" ] || destroy "no JIT config in the environment"
  load_host_env

  local r=${MARKETSIM_RUNNER_DIR:-/opt/actions-runner}
  if [ ! -x "$r/run.sh" ]; then
    r=$H/runner
    mkdir -p "$r"
    say "downloading the runner from ${MARKETSIM_RUNNER_URL:-?}"
    curl -fsSL --retry 5 --connect-timeout 20 --max-time 900 -o "$H/runner.tgz" "${MARKETSIM_RUNNER_URL:-}" || destroy "runner download failed"
    echo "${MARKETSIM_RUNNER_SHA256:-none}  $H/runner.tgz" | sha256sum -c - || destroy "runner checksum mismatch"
    tar xzf "$H/runner.tgz" -C "$r" || destroy "runner unpack failed"
  fi
  printf '#!/bin/sh\ntouch "%s/job-started"\n' "$H" >"$H/job-started.sh"
  chmod +x "$H/job-started.sh"
  touch "$H/started"

  # The JIT config reaches the runner only through its environment: never argv, never disk. The job
  # does not need the instance's own Vast key (the watchdog does): the runner starts without it.
  ACTIONS_RUNNER_INPUT_JITCONFIG=$jit ACTIONS_RUNNER_HOOK_JOB_STARTED=$H/job-started.sh RUNNER_ALLOW_RUNASROOT=1 \
    env -u CONTAINER_API_KEY "$r/run.sh" >>"$H/runner.log" 2>&1 &
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
