#!/usr/bin/env bash
# Runs one JMH fork of each configuration per round (in the given order in odd rounds,
# reversed in even ones), the rounds one after the other, so that forks compared with each
# other ran minutes apart at most. On a machine whose speed changes between forks (RESULTS.md,
# "The VM's two states"), JMH's own -f N runs all forks of one configuration before the next,
# and a state change between them reads as a difference between the configurations.
#
# usage: benchmarks/paired-rounds.sh [-n ROUNDS] [-m METRIC] [-o DIR] [-t MIN] LABEL 'JAR ARGS' [LABEL 'JAR ARGS']...
#        benchmarks/paired-rounds.sh -s -o DIR [-t MIN]
#   ROUNDS  rounds to run (default 6)
#   METRIC  'primary' (default): the mean of the measured iterations' scores; or the name of a
#           secondary result such as pollsMade, reported in millions
#   DIR     where each fork's JMH output is kept (default: a new temporary directory)
#   MIN     compare two forks of a round only if both scored at least MIN (default 0): a way to
#           keep the rounds where both ran in the same state (RESULTS.md, "The VM's two states")
#   -s      run nothing: summarise DIR/rounds.tsv of an earlier run again, say with another MIN
#   JAR ARGS  the benchmark jar, then JMH arguments for that configuration; common settings
#           such as -wi 3 -i 3 -w 1s -r 1s go into each. It is split at spaces, so pass a JVM
#           flag that holds spaces as a file: -jvmArgsAppend -XX:Flags=FILE, one flag a line
#           without its -XX: (+UnlockExperimentalVMOptions, then OptoLoopAlignment=64)
# Prints one line per fork (round, label, score), then each label's median and its range, then
# each later label's ratio to the first label, round by round: the median, the rounds where it
# was above 1, and the range.
#
# Example, cooper's SPSC ring against JCTools' in alternating forks:
#   J=benchmarks/target/benchmarks.jar
#   benchmarks/paired-rounds.sh -n 8 -m pollsMade \
#     cooper "$J QueueThroughput\. -p impl=SPSC_ARRAY -wi 3 -i 3 -w 1s -r 1s" \
#     jctools "$J QueueThroughput\. -p impl=jctools.SpscArrayQueue -wi 3 -i 3 -w 1s -r 1s"
set -euo pipefail

rounds=6
metric=primary
dir=
min=0
summarise_only=false
while getopts "n:m:o:t:s" opt; do
  case $opt in
    n) rounds=$OPTARG ;;
    m) metric=$OPTARG ;;
    o) dir=$OPTARG ;;
    t) min=$OPTARG ;;
    s) summarise_only=true ;;
    *) sed -n '8,25p' "$0" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))

# Each label's median and range, then each later label against the first, per round.
summarise() {
  local results=$1 what=$2
  local labels
  labels=$(awk -F'\t' '!seen[$2]++ { print $2 }' "$results")
  echo "medians ($what; forks in $(dirname "$results")):"
  for label in $labels; do
    awk -F'\t' -v l="$label" '$2 == l && $3 != "NA" { print $3 }' "$results" | sort -g | awk -v l="$label" '
      { v[NR] = $1 }
      END { if (NR) printf "  %-12s %8.1f  (%s .. %s, %d forks)\n", l, (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[1], v[NR], NR }'
  done
  local first
  first=$(echo "$labels" | head -n 1)
  echo "per-round ratios to $first (rounds where both scored at least $min):"
  for label in $(echo "$labels" | tail -n +2); do
    awk -F'\t' -v l="$label" -v f="$first" -v min="$min" '
      $3 != "NA" && $3 + 0 >= min + 0 && ($2 == l || $2 == f) { score[$1, $2] = $3; rounds[$1] = 1 }
      END {
        for (r in rounds) {
          if ((r, l) in score && (r, f) in score) { print score[r, l] / score[r, f] }
        }
      }' "$results" | sort -g | awk -v l="$label" -v f="$first" '
      { v[NR] = $1; if ($1 > 1) above++ }
      END {
        if (!NR) { printf "  %-12s no round with both\n", l "/" f; exit }
        printf "  %-12s median %.3f, above 1 in %d of %d rounds (%.2f .. %.2f)\n", l "/" f,
          (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), above, NR, v[1], v[NR] }'
  done
}

if $summarise_only; then
  if [[ -z $dir || ! -f $dir/rounds.tsv ]]; then
    echo "-s needs -o DIR of an earlier run (DIR/rounds.tsv)" >&2
    exit 2
  fi
  summarise "$dir/rounds.tsv" "as recorded"
  exit 0
fi
if (( $# == 0 || $# % 2 != 0 )); then
  echo "expected LABEL 'JAR ARGS' pairs" >&2
  sed -n '8,25p' "$0" >&2
  exit 2
fi
dir=${dir:-$(mktemp -d)}
mkdir -p "$dir"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

# The mean of the measured iterations in one fork's output.
score() {
  awk -v metric="$1" '
    metric == "primary" && /^Iteration +[0-9]+:/ { gsub(",", "", $3); sum += $3; n++ }
    metric != "primary" && $1 == metric ":"       { gsub(",", "", $2); sum += $2 / 1e6; n++ }
    END { if (n) printf "%.1f", sum / n; else printf "NA" }' "$2"
}

results="$dir/rounds.tsv"
: > "$results"
# Odd rounds run the configurations in the order given, even rounds in reverse, so that no
# configuration always runs first (or right after the same neighbour) in its round.
forward=()
for ((i = 1; i <= $#; i += 2)); do
  forward+=("$i")
done
for round in $(seq 1 "$rounds"); do
  order=("${forward[@]}")
  if ((round % 2 == 0)); then
    order=()
    for ((k = ${#forward[@]} - 1; k >= 0; k--)); do
      order+=("${forward[k]}")
    done
  fi
  for i in "${order[@]}"; do
    label=${!i}
    j=$((i + 1))
    read -r -a args <<< "${!j}"
    out="$dir/$label-r$round.txt"
    "$java" -jar "${args[@]}" -f 1 > "$out" 2>&1 || { echo "$label failed: see $out" >&2; exit 1; }
    printf '%s\t%s\t%s\n' "$round" "$label" "$(score "$metric" "$out")" | tee -a "$results"
  done
done

summarise "$results" "$metric"
