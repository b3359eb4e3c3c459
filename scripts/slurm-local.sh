#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, running REPRODUCE.md's sharded recipe (scripts/slurm/*, the files
# REPRODUCE.md shows) and checking it: results.json from the array of shards and the dependent merge-and-report job
# must equal, byte for byte, a single-machine run of the same profile. Installs slurm-wlm and munge with apt-get when
# missing; munged, slurmctld and slurmd run on localhost from a temporary folder (root as SlurmUser) and are stopped
# by their PIDs at the end. Exit 0 only when the two results.json are identical (and the report job exited as the
# single-machine run did); 1 when they differ or a job failed; 2 on bad arguments.
# --fail-shard K checks the other way round that a failed array task stops the recipe: shard K's cache is made a file
# before submission, so its task fails at once; exit 0 only when the merge-and-report job then never ran (Slurm
# cancels it: afterok) and nothing was merged or reported.
# Usage: scripts/slurm-local.sh [--profile smoke|quick|full] [--shards N] [--fail-shard K] [--timeout SECONDS]
set -uo pipefail

profile=smoke shards=3 timeout=1800 fail=
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) profile=${2:-}; shift; shift ;;
    --shards) shards=${2:-}; shift; shift ;;
    --fail-shard) fail=${2:-}; shift; shift ;;
    --timeout) timeout=${2:-}; shift; shift ;;
    *) echo "slurm-local: unknown argument '$1' (use --profile P, --shards N, --fail-shard K, --timeout SECONDS)" >&2; exit 2 ;;
  esac
done
case "$profile" in smoke|quick|full) ;; *) echo "slurm-local: --profile must be smoke, quick or full, got '$profile'" >&2; exit 2 ;; esac
[[ "$shards" =~ ^[1-9][0-9]*$ ]] && [ "$shards" -le 256 ] || { echo "slurm-local: --shards must be an integer 1 to 256, got '$shards'" >&2; exit 2; }
[[ "$timeout" =~ ^[1-9][0-9]*$ ]] || { echo "slurm-local: --timeout must be a positive integer, got '$timeout'" >&2; exit 2; }
[ -z "$fail" ] || { [[ "$fail" =~ ^[1-9][0-9]*$ ]] && [ "$fail" -le "$shards" ]; } ||
  { echo "slurm-local: --fail-shard must be a shard 1 to $shards, got '$fail'" >&2; exit 2; }

root=$(cd "$(dirname "$0")/.." && pwd)
say() { echo "slurm-local: $*" >&2; }
started=$SECONDS

if ! command -v slurmctld >/dev/null 2>&1 || ! command -v slurmd >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  say "installing slurm-wlm and munge (apt-get)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge) >/dev/null ||
    { say "could not install slurm-wlm and munge (apt-get)"; exit 1; }
fi

tmp=$(mktemp -d /tmp/slurm-local.XXXXXX)
pids=()
stop_daemons() {
  # Only the daemons started here, newest first, each by its PID.
  for ((k = ${#pids[@]} - 1; k >= 0; k--)); do kill "${pids[k]}" 2>/dev/null; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  pids=()
}
trap 'stop_daemons; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

# A port pair nobody listens on.
free_port() {
  local port
  for port in $(seq "$1" "$(($1 + 500))"); do
    ss -Hltn "sport = :$port" 2>/dev/null | grep -q . || { echo "$port"; return; }
  done
  return 1
}
ctld_port=$(free_port $((20000 + $$ % 4000 * 2))) && slurmd_port=$(free_port $((ctld_port + 1))) || { say "no free port"; exit 1; }

# munged with its own key and socket.
mkdir -p "$tmp/munge" "$tmp/state" "$tmp/spool" && chmod 700 "$tmp/munge"
dd if=/dev/urandom of="$tmp/munge/munge.key" bs=1024 count=1 status=none && chmod 600 "$tmp/munge/munge.key"
socket=$tmp/munge/munge.socket
munged --foreground --force --socket="$socket" --key-file="$tmp/munge/munge.key" --pid-file="$tmp/munge/munged.pid" \
  --log-file="$tmp/munge/munged.log" --seed-file="$tmp/munge/munged.seed" 2>>"$tmp/munge/munged.log" &
pids+=($!)

host=$(hostname -s)
export SLURM_CONF=$tmp/slurm.conf
cat >"$SLURM_CONF" <<EOF
ClusterName=local
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
MailProg=/bin/true
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
for _ in $(seq 50); do [ -S "$socket" ] && break; sleep 0.1; done
[ -S "$socket" ] || { say "munged did not start ($(tail -1 "$tmp/munge/munged.log"))"; exit 1; }
slurmctld -D -i -f "$SLURM_CONF" >>"$tmp/slurmctld.log" 2>&1 &
pids+=($!)
slurmd -D -N "$host" -f "$SLURM_CONF" >>"$tmp/slurmd.log" 2>&1 &
pids+=($!)
for _ in $(seq 300); do
  sinfo -h -N -o '%t' 2>/dev/null | grep -qE '^(idle|mix|alloc)' && break
  sleep 0.2
done
sinfo -h -N -o '%t' 2>/dev/null | grep -qE '^(idle|mix|alloc)' ||
  { say "the node did not come up: $(tail -2 "$tmp/slurmd.log" "$tmp/slurmctld.log" | tr '\n' ' ')"; exit 1; }
say "slurmctld and slurmd up on $host (ports $ctld_port, $slurmd_port); submitting $shards shards of the $profile profile"

# A checkout of its own (the working tree as it is, no caches or outputs), where the recipe runs as written.
work=$tmp/work
mkdir -p "$work"
tar -C "$root" --exclude=./node_modules --exclude=./.cache --exclude=./out --exclude=./.git --exclude=./.scratch --exclude=./caches \
  -cf - . | tar -C "$work" -xf -
ln -s "$(readlink -f "$root/node_modules")" "$work/node_modules"
cp "$root"/scripts/slurm/{shards.sbatch,report.sbatch,submit.sh} "$work/"

# The fault: a file where shard K's cache goes, which reproduce refuses (exit 2) before computing anything.
[ -z "$fail" ] || { mkdir -p "$work/caches" && : >"$work/caches/shard-$fail"; }

ids=$(cd "$work" && PROFILE=$profile SHARDS=$shards bash submit.sh) || { say "sbatch refused the recipe"; exit 1; }
array_id=$(sed -n 1p <<<"$ids") report_id=$(sed -n 2p <<<"$ids")
[[ "$array_id" =~ ^[0-9]+$ && "$report_id" =~ ^[0-9]+$ ]] || { say "submit.sh printed no two job ids: $(tr '\n' ' ' <<<"$ids")"; exit 1; }
deadline=$((SECONDS + timeout))
while squeue -h -j "$array_id,$report_id" -o '%i' 2>/dev/null | grep -q .; do
  if [ $SECONDS -ge $deadline ]; then
    say "jobs still running after ${timeout} s: cancelled"
    scancel "$array_id" "$report_id"
    for _ in $(seq 50); do squeue -h -j "$array_id,$report_id" -o '%i' 2>/dev/null | grep -q . || break; sleep 0.2; done
    exit 1
  fi
  sleep 1
done
field() { grep -o " $1=[^ ]*" | cut -d= -f2; }
report_info=$(scontrol -o show job "$report_id" 2>/dev/null)
state=$(field JobState <<<"$report_info") report_exit=$(field ExitCode <<<"$report_info" | cut -d: -f1)
shard_states=$(scontrol -o show job "$array_id" 2>/dev/null | field JobState | sort | uniq -c | awk '{printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2}')
report_log=$work/slurm-$report_id.out

if [ -n "$fail" ]; then
  fail_info=$(scontrol -o show job "${array_id}_$fail" 2>/dev/null)
  stop_daemons
  if [ "$(field JobState <<<"$fail_info")" = FAILED ] && [ "$state" = CANCELLED ] && [ ! -e "$report_log" ] &&
    [ ! -e "$work/.cache/runs" ] && [ ! -e "$work/out" ]; then
    echo "slurm-local: refused — shard $fail of $shards failed (exit $(field ExitCode <<<"$fail_info")) and the merge-and-report job never ran ($state, $(field Reason <<<"$report_info")); shards: $shard_states; nothing merged, no results.json ($((SECONDS - started)) s)"
    exit 0
  fi
  echo "slurm-local: NOT REFUSED — with shard $fail failing, the merge-and-report job ended $state (shards: $shard_states)"
  exit 1
fi

if [ ! -f "$work/out/results.json" ]; then
  say "the merge-and-report job ended $state (exit ${report_exit:-?}) without results.json; shards: $shard_states"
  tail -n 5 "$work"/slurm-*.out >&2
  exit 1
fi
# What the report job computed itself and read from the merged caches, for the last line.
counts=$(grep -o '[0-9]* run(s): [0-9]* computed, [0-9]* read from the cache' "$report_log" | head -1)
stop_daemons

say "single-machine run of the $profile profile"
(cd "$work" && npm run --silent reproduce -- --profile "$profile" --cache "$tmp/single-cache" --out "$tmp/single-out" >"$tmp/single.log" 2>&1)
single_status=$?
[ -f "$tmp/single-out/results.json" ] || { say "the single-machine run wrote no results.json (exit $single_status)"; tail -n 5 "$tmp/single.log" >&2; exit 1; }
bytes=$(wc -c <"$tmp/single-out/results.json")
if cmp -s "$work/out/results.json" "$tmp/single-out/results.json" && [ "$report_exit" = "$single_status" ]; then
  echo "slurm-local: identical — results.json of the $profile profile from $shards Slurm shards ($shard_states) and the dependent merge-and-report job (exit $report_exit; ${counts:-no run count}) equals the single-machine run's (exit $single_status) byte for byte, $bytes bytes ($((SECONDS - started)) s)"
  exit 0
fi
if cmp -s "$work/out/results.json" "$tmp/single-out/results.json"; then
  echo "slurm-local: DIFFERENT — the merge-and-report job exited $report_exit, the single-machine run $single_status (results.json identical)"
else
  echo "slurm-local: DIFFERENT — results.json of the $profile profile from $shards Slurm shards differs from the single-machine run's"
fi
exit 1
