#!/usr/bin/env bash
# Runs the Slurm recipe against a real Slurm: installs Debian's slurm-wlm and munge when
# missing (needs root and apt), starts a one-node cluster on this machine without
# systemd (munged as user munge on a private socket, slurmctld and slurmd with a private
# slurm.conf, ports and state in a scratch folder), submits a sharded ccsim run with
# submit.sh (`sbatch --array` + a dependent merge), waits, and checks that the merged
# report is byte-identical to the unsharded run. The daemons are stopped by their PID
# files and the scratch folder removed on exit, whatever happens.
#
#   scripts/slurm/test-local.sh [CCSIM]     (default: target/release/ccsim, built if missing)
#
# SLURM_TEST_PORT (default 46817) is the controller's port, the node's is the next one.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
here=$repo/scripts/slurm
ccsim=${1:-$repo/target/release/ccsim}
shards=4
replications=30
say() { echo "test-local.sh: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
    say "needs root (to install packages and start munged as user munge)"
    exit 2
fi
if [ ! -x "$ccsim" ]; then
    (cd "$repo" && cargo build --release)
fi
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
    say "installing slurm-wlm and munge"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq slurm-wlm munge >/dev/null
fi

scratch=$(mktemp -d /tmp/ccsim-slurm.XXXXXX)
chmod 755 "$scratch"
pids=()
cleanup() {
    local status=$?
    for pidfile in "$scratch/slurmd.pid" "$scratch/slurmctld.pid" "$scratch/munge/munged.pid"; do
        if [ -s "$pidfile" ]; then
            pid=$(cat "$pidfile")
            kill "$pid" 2>/dev/null || true
            for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -9 "$pid" 2>/dev/null || true
        fi
    done
    if [ $status -ne 0 ]; then
        for log in "$scratch"/*.log "$scratch"/munge/*.log "$scratch"/parts/*.log; do
            [ -f "$log" ] && { say "--- $log"; tail -n 20 "$log" >&2; }
        done
    fi
    rm -rf "$scratch"
    exit $status
}
trap cleanup EXIT

# munge: a private socket, so an already running munged (or another test) is untouched.
mkdir -p "$scratch/munge"
key=/etc/munge/munge.key
if [ ! -s "$key" ]; then
    key=$scratch/munge/munge.key
    head -c 128 /dev/urandom >"$key"
fi
cp "$key" "$scratch/munge/munge.key"
chown -R munge:munge "$scratch/munge"
chmod 700 "$scratch/munge"
chmod 400 "$scratch/munge/munge.key"
# The socket must be reachable by slurm and by the jobs' user.
chmod 755 "$scratch/munge"
runuser -u munge -- /usr/sbin/munged \
    --socket="$scratch/munge/munge.sock" --key-file="$scratch/munge/munge.key" \
    --pid-file="$scratch/munge/munged.pid" --log-file="$scratch/munge/munged.log" \
    --seed-file="$scratch/munge/munged.seed"
munge -n -S "$scratch/munge/munge.sock" | unmunge -S "$scratch/munge/munge.sock" >/dev/null

# slurm: a private slurm.conf; no cgroup.conf at all (22.05 refuses CgroupPlugin=disabled).
host=$(hostname -s)
port=${SLURM_TEST_PORT:-46817}
mkdir -p "$scratch/state" "$scratch/spool" "$scratch/parts"
chown slurm:slurm "$scratch/state"
cat >"$scratch/slurm.conf" <<CONF
ClusterName=ccsimtest
SlurmctldHost=$host
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=slurm
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$scratch/munge/munge.sock
StateSaveLocation=$scratch/state
SlurmdSpoolDir=$scratch/spool
SlurmctldPidFile=$scratch/slurmctld.pid
SlurmdPidFile=$scratch/slurmd.pid
SlurmctldLogFile=$scratch/slurmctld.log
SlurmdLogFile=$scratch/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SchedulerType=sched/backfill
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$scratch/slurm.conf
slurmctld -i -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 100); do
    state=$(sinfo -h -N -o %t 2>/dev/null | head -n 1 || true)
    [ "$state" = idle ] && break
    sleep 0.2
done
[ "$state" = idle ] || { say "the node did not come up (state: ${state:-none})"; exit 1; }
say "one-node cluster up on $host:$port"

# The study: a sharded run of the default scenario with an override, merged by Slurm.
scenario=$repo/scenarios/weekday.toml
read -r array merge < <(CCSIM=$ccsim "$here/submit.sh" "$scenario" $shards "$scratch/parts" \
    "$scratch/merged.json" -n $replications --set staffing.shrinkage=0.25)
[ -n "${merge:-}" ] || { say "submit.sh did not print two job ids"; exit 1; }
say "submitted array $array ($shards tasks) and merge $merge"
for _ in $(seq 600); do
    if [ -z "$(squeue -h -j "$array,$merge" 2>/dev/null)" ]; then break; fi
    sleep 0.2
done
state=$(scontrol show job "$merge" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p')
if [ "$state" != COMPLETED ] && [ ! -s "$scratch/merged.json" ]; then
    say "the merge job did not complete (state: ${state:-gone})"
    exit 1
fi
"$ccsim" run "$scenario" -n $replications --set staffing.shrinkage=0.25 --json "$scratch/whole.json" >/dev/null
if cmp -s "$scratch/merged.json" "$scratch/whole.json"; then
    say "ok: the merge of $shards Slurm array tasks is byte-identical to the unsharded run"
else
    say "FAILED: the merged report differs from the unsharded run"
    exit 1
fi
