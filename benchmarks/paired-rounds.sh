#!/usr/bin/env bash
# Runs one JMH fork of each configuration per round (in the given order in odd rounds,
# reversed in even ones), the rounds one after the other, so that forks compared with each
# other ran minutes apart at most. On a machine whose speed changes between forks (RESULTS.md,
# "The VM's two states"), JMH's own -f N runs all forks of one configuration before the next,
# and a state change between them reads as a difference between the configurations.
#
# usage: benchmarks/paired-rounds.sh [-n ROUNDS] [-m METRIC] [-o DIR] LABEL 'JAR ARGS' [LABEL 'JAR ARGS']...
#   ROUNDS  rounds to run (default 6)
#   METRIC  'primary' (default): the mean of the measured iterations' scores; or the name of a
#           secondary result such as pollsMade, reported in millions
#   DIR     where each fork's JMH output is kept (default: a new temporary directory)
#   JAR ARGS  the benchmark jar, then JMH arguments for that configuration; common settings
#           such as -wi 3 -i 3 -w 1s -r 1s go into each
# Prints one line per fork (round, label, score), then each label's median and its range.
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
while getopts "n:m:o:" opt; do
  case $opt in
    n) rounds=$OPTARG ;;
    m) metric=$OPTARG ;;
    o) dir=$OPTARG ;;
    *) sed -n '8,16p' "$0" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if (( $# == 0 || $# % 2 != 0 )); then
  echo "expected LABEL 'JAR ARGS' pairs" >&2
  sed -n '8,16p' "$0" >&2
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

echo "medians ($metric; forks in $dir):"
for ((i = 1; i <= $#; i += 2)); do
  label=${!i}
  awk -F'\t' -v l="$label" '$2 == l && $3 != "NA" { print $3 }' "$results" | sort -g | awk -v l="$label" '
    { v[NR] = $1 }
    END { if (NR) printf "  %-12s %8.1f  (%s .. %s, %d forks)\n", l, (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[1], v[NR], NR }'
done
