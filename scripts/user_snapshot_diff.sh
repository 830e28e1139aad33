#!/bin/sh
# Compare two snapshots of what users see (scripts/user_snapshot.py):
#
#   scripts/user_snapshot_diff.sh BEFORE_DIR AFTER_DIR
#
# Prints the permission-matrix changes (path, role: before → after), the files only on one
# side, and a unified diff of the files that differ (at most $MAX_LINES lines, default 3000).
# Exits 0 when the snapshots are the same, 1 when anything differs, 2 on wrong use.
set -eu
if [ $# -ne 2 ] || [ ! -d "$1" ] || [ ! -d "$2" ]; then
    echo "usage: $0 BEFORE_DIR AFTER_DIR" >&2
    exit 2
fi
before=$1
after=$2

python3 - "$before/matrix.json" "$after/matrix.json" <<'EOF'
import json, sys
old, new = (json.load(open(p)) for p in sys.argv[1:3])
for path in sorted(set(old) | set(new)):
    a, b = old.get(path, {}), new.get(path, {})
    for role in sorted(set(a) | set(b)):
        if a.get(role) != b.get(role):
            print(f"matrix: {path} {role}: {a.get(role, '-')} → {b.get(role, '-')}")
EOF

if diff -rq "$before" "$after" >/dev/null; then
    echo "The same: $(find "$before" -type f | wc -l) files, no difference."
    exit 0
fi
echo "== files that differ"
diff -rq "$before" "$after" || true
echo "== diff"
diff -ru "$before" "$after" | head -n "${MAX_LINES:-3000}" || true
exit 1
