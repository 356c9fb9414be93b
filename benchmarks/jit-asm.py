#!/usr/bin/env python3
"""Disassembles what C2 compiled for one method, on a JVM without hsdis.

Without the hsdis plugin, -XX:CompileCommand=print still prints each compiled method, but as
hexadecimal bytes between comment lines. This reads such a log, takes the last C2 compilation
whose header names METHOD (a substring such as 'poll_thrpt_jmhStub'), and runs GNU objdump on
its main code section, keeping the JVM's comments (metadata, call targets, implicit
exceptions) above the instruction at their address.

usage: benchmarks/jit-asm.py LOG METHOD [OUT]
  LOG     output of a JVM run with
          -XX:+UnlockDiagnosticVMOptions -XX:CompileCommand=print,*Class::method
  METHOD  text that the 'Compiled method (c2) ...' header line must contain
  OUT     where to write the disassembly (default: standard output)

Example, the consumer loop of QueueThroughput for SPSC_ARRAY:
  java -jar benchmarks/target/benchmarks.jar 'QueueThroughput\\.' -p impl=SPSC_ARRAY -f 1 \\
    -wi 3 -i 1 -w 1s -r 1s -jvmArgsAppend \\
    "-XX:+UnlockDiagnosticVMOptions -XX:CompileCommand=print,*QueueThroughput_tpt_jmhTest::*_thrpt_jmhStub" \\
    > /tmp/print.txt 2>&1
  benchmarks/jit-asm.py /tmp/print.txt poll_thrpt_jmhStub
"""
import os
import re
import subprocess
import sys
import tempfile

ROW = re.compile(r"\s+0x([0-9a-f]+): (.*)$")
HEX_WORD = re.compile(r"[0-9a-f]+")
INSTRUCTION = re.compile(r"\s*([0-9a-f]+):")


def last_c2_compilation(lines, method):
    """The lines after the last 'Compiled method (c2)' header that names method."""
    found = None
    current = None
    for line in lines:
        if line.startswith("Compiled method"):
            current = [] if "(c2)" in line and method in line else None
            if current is not None:
                found = current
        elif current is not None:
            current.append(line)
    return found


def code_and_comments(lines):
    """The first contiguous run of code bytes, its start address, and the comments by address."""
    code = bytearray()
    start = None
    comments = {}
    for line in lines:
        row = ROW.match(line)
        if not row:
            continue
        address, rest = int(row.group(1), 16), row.group(2)
        if rest.startswith(";"):
            comments.setdefault(address, []).append(rest)
            continue
        words = rest.replace("|", " ").split()
        if not words or not all(HEX_WORD.fullmatch(w) for w in words):
            continue
        if start is None:
            start = address
        elif address != start + len(code):
            break  # the stubs after the main code
        for word in words:
            code += bytes.fromhex(word)
    return code, start, comments


def main():
    if len(sys.argv) not in (3, 4):
        sys.stderr.write(__doc__)
        return 2
    with open(sys.argv[1]) as log:
        lines = log.read().split("\n")
    compiled = last_c2_compilation(lines, sys.argv[2])
    if compiled is None:
        sys.stderr.write("no C2 compilation of %s in %s\n" % (sys.argv[2], sys.argv[1]))
        return 1
    code, start, comments = code_and_comments(compiled)
    if not code:
        sys.stderr.write("no code bytes (was hsdis present? then the log is already assembly)\n")
        return 1
    with tempfile.NamedTemporaryFile(suffix=".bin", delete=False) as raw:
        raw.write(code)
    try:
        listing = subprocess.run(
            ["objdump", "-D", "-b", "binary", "-mi386:x86-64", "--adjust-vma=0x%x" % start, raw.name],
            capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(raw.name)
    out = open(sys.argv[3], "w") if len(sys.argv) == 4 else sys.stdout
    for line in listing.split("\n"):
        at = INSTRUCTION.match(line)
        if at:
            for comment in comments.get(int(at.group(1), 16), []):
                out.write("            " + comment + "\n")
        out.write(line + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
