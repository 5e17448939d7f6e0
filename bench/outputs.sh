#!/bin/bash
# bench/outputs.sh REPO OUTDIR: the CLI outputs a speed change must leave byte-identical. Run it on a
# checkout before and after the change, then `diff -r` the two directories (schedule's solveMs is
# dropped: it is a timing).
R=$1; O=$2; mkdir -p $O; cd $R
C="node bin/ccsim.js"
E=examples/history; I=examples/intraday
for s in scenarios/*.json bench/bank-week.json; do
  b=$(basename $s .json)
  $C run $s --replications 24 --seed 3 --workers 2 --json > $O/run-$b.json 2>/dev/null
  $C run $s --replications 12 --seed 5 --workers 1 --outcomes > $O/run-$b.txt 2>/dev/null
done
$C run scenarios/retail-day.json --replications 10 --seed 2 --csv $O/retail.csv > /dev/null 2>&1
$C compare scenarios/ai-deflection-no-bot.json scenarios/ai-deflection.json --replications 30 --json > $O/compare.json 2>/dev/null
$C compare scenarios/ai-deflection-no-bot.json scenarios/ai-deflection.json --replications 30 > $O/compare.txt 2>/dev/null
$C sweep scenarios/two-skills.json --set 'agentGroups[2].staff=0,4,8' --replications 20 --json > $O/sweep.json 2>/dev/null
$C sweep scenarios/callbacks-blend.json --set 'contactTypes[0].callback.acceptance=0,0.35' --replications 10 > $O/sweep.txt 2>/dev/null
$C staff scenarios/two-skills.json --json > $O/staff.json 2>/dev/null
$C staff scenarios/retail-day.json --json > $O/staff-retail.json 2>/dev/null
$C run scenarios/erlang-check.json --precision 0.01 --json > $O/precision.json 2>/dev/null
$C replay $E/center.json --history $E/history.csv --staff $E/staff.csv --replications 20 --json > $O/replay.json 2>/dev/null
$C intraday $I/keep.json --now 11:00 --state $I/state.json --actuals $I/actuals.csv --replications 20 --json > $O/intraday.json 2>/dev/null
$C explain scenarios/retail-day.json --interval 10:30 --replications 12 --json > $O/explain.json 2>/dev/null
$C explain bench/bank-week.json --interval 09:00 --day 0 --replications 12 > $O/explain-bank.txt 2>&1
$C schedule scenarios/retail-week.json --verify --replications 10 --json 2>/dev/null | sed 's/"solveMs": *[0-9.]*//' > $O/schedule.json
echo done
