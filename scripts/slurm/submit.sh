#!/usr/bin/env bash
# Submits a sharded ccsim run to Slurm: a job array of SHARDS tasks (one part each) and
# a merge job that starts when all of them succeeded. Prints the two job ids.
#
#   scripts/slurm/submit.sh SCENARIO SHARDS PARTS_DIR OUT.json [ccsim run options...]
#   e.g. scripts/slurm/submit.sh scenarios/weekday.toml 16 /scratch/parts report.json -n 20000
#
# CCSIM (default: ccsim on PATH) must be reachable from every node, as must the
# scenario and PARTS_DIR (a shared file system). SBATCH_ARGS adds sbatch options to both
# jobs (e.g. "--partition=short --time=00:30:00"); OUT_DIR also writes the study folder.
set -euo pipefail
if [ $# -lt 4 ]; then
    sed -n '2,11p' "$0" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
scenario=$1 shards=$2 parts=$3 out=$4
shift 4
ccsim=${CCSIM:-$(command -v ccsim || true)}
[ -x "$ccsim" ] || { echo "submit.sh: set CCSIM to the ccsim binary" >&2; exit 2; }
mkdir -p "$parts"
export CCSIM=$ccsim SCENARIO=$scenario SHARDS=$shards PARTS=$parts OUT=$out
export CCSIM_ARGS="$*" OUT_DIR=${OUT_DIR:-}
# shellcheck disable=SC2086 # SBATCH_ARGS is a list of options
array=$(sbatch --parsable ${SBATCH_ARGS:-} --array="1-$shards" \
    --output="$parts/shard-%a.log" --export=ALL "$here/shards.sbatch")
array=${array%%;*}
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_ARGS:-} --dependency="afterok:$array" \
    --kill-on-invalid-dep=yes --output="$parts/merge.log" --export=ALL "$here/merge.sbatch")
merge=${merge%%;*}
echo "$array $merge"
