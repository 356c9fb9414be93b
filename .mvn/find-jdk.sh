# Sourced by .ci/run and ./flow: exports JAVA_HOME as a JDK >= 21, or fails with a clear message.
# Looks at $JAVA_HOME, the javac on the PATH, then the usual install folders; takes the newest.

cooper_java_major() {  # the feature version of the java binary given, or nothing
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n1
}

cooper_find_jdk() {
  local candidates=() d home major best="" best_major=0
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [[ -d "$d" ]] && candidates+=("$d")
  done
  for home in "${candidates[@]}"; do
    [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || continue
    major="$(cooper_java_major "$home/bin/java")"
    [[ -n "$major" ]] || continue
    if (( major >= 21 && major > best_major )); then best="$home"; best_major="$major"; fi
  done
  [[ -n "$best" ]] || return 1
  printf '%s\n' "$best"
}

if ! JAVA_HOME="$(cooper_find_jdk)"; then
  echo "error: cooper needs a JDK 21 or newer and none was found." >&2
  echo "       Looked at \$JAVA_HOME, the javac on PATH and /usr/lib/jvm/*." >&2
  echo "       Install one (e.g. Temurin 21 or 25) or set JAVA_HOME to it." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
