#!/usr/bin/env bash
# Runs QueueCodeArms in N forks and prints, per fork, the median of each arm's iterations
# (pollsMade, M elements/s) and their ratio b/a; then the median of those ratios and its range.
# With -p b=same (the default) both arms drive one queue, so a ratio away from 1 is the
# compiled code's doing, not the queue's (RESULTS.md, "Seventeenth session").
#
# usage: benchmarks/code-arms.sh [-n FORKS] JAR [JMH ARGS]...
# Example: benchmarks/code-arms.sh -n 8 benchmarks/target/benchmarks.jar -p a=SPSC_ARRAY
set -euo pipefail

forks=6
while getopts "n:" opt; do
  case $opt in
    n) forks=$OPTARG ;;
    *) sed -n '7,8p' "$0" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if (( $# == 0 )); then
  sed -n '7,8p' "$0" >&2
  exit 2
fi
jar=$1
shift
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ratios=$(mktemp)
for ((f = 1; f <= forks; f++)); do
  out=$(mktemp)
  "$java" -jar "$jar" 'QueueCodeArms\.' -f 1 "$@" > "$out" 2>&1
  # Measured iterations only: JMH prints the auxiliary counters under "Iteration N:" lines.
  a=$(awk '$1 == "pollsMadeA:" && $2 != "≈" { print $2 / 1e6 }' "$out" | median)
  b=$(awk '$1 == "pollsMadeB:" && $2 != "≈" { print $2 / 1e6 }' "$out" | median)
  if [[ -z $a || -z $b ]]; then
    echo "fork $f: no result; JMH output in $out" >&2
    exit 1
  fi
  rm "$out"
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f", b / a }')
  printf 'fork %d\ta %.1f\tb %.1f\tb/a %s\n' "$f" "$a" "$b" "$ratio"
  echo "$ratio" >> "$ratios"
done
printf 'median b/a %s, range %s-%s\n' "$(median < "$ratios")" "$(sort -g "$ratios" | head -1)" \
  "$(sort -g "$ratios" | tail -1)"
rm "$ratios"
