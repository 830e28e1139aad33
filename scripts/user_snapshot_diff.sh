#!/bin/sh
# Compare two snapshots of what users see (scripts/user_snapshot.py):
#
#   scripts/user_snapshot_diff.sh BEFORE_DIR AFTER_DIR [--strict] [--max-lines N]
#
# Prints the permission-matrix changes (path, role: before → after), the files that differ
# and a unified diff of them. HTML that differs only in blank lines or runs of spaces is listed
# apart and counts as the same unless --strict. Exits 0 when the same, 1 when anything differs.
exec python3 "$(dirname "$0")/user_snapshot.py" --compare "$@"
