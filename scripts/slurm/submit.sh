#!/bin/bash
# submit.sh — the array of shards, then the report once every shard has ended well; prints the two job ids
export PROFILE=${PROFILE:-full} SHARDS=${SHARDS:-8}
jobid=$(sbatch --parsable --array=1-"$SHARDS" shards.sbatch) && echo "$jobid" &&
  sbatch --parsable --dependency=afterok:"$jobid" --kill-on-invalid-dep=yes report.sbatch
