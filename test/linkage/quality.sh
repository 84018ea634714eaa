#!/usr/bin/env bash
# test/linkage/quality.sh: linkage quality on a generated test set (TAP).
#
#   bash test/linkage/quality.sh [--people N] [--seed S]
#
# Generates two agencies' registers of one population (gen_population.py,
# default 10,000 records of agency A and the seed 1), encodes them, links
# them by the exact key and by clk (quality.sql), prints the figures, and
# fails unless clk reaches F1 0.95 at its best threshold and at the default
# migrec.clk_threshold, and the exact key's precision 0.99.  With PGHOST
# etc. set it uses that server (migrec installed); otherwise it starts a
# throwaway cluster (test/lib.sh; PG_CONFIG names the server).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
people=10000
seed=1
while [ $# -gt 0 ]; do
	case $1 in
	--people) people=$2; shift 2 ;;
	--seed) seed=$2; shift 2 ;;
	*) echo "usage: $0 [--people N] [--seed S]" >&2; exit 2 ;;
	esac
done

source "$here/../lib.sh"
[ -n "${PGHOST:-}" ] || mr_start
work=$(mktemp -d /tmp/migrec-quality.XXXXXX)
trap 'rm -rf "$work"; mr_cleanup' EXIT
chmod 755 "$work"
python3 "$here/gen_population.py" --seed "$seed" --people "$people" --out "$work" | sed 's/^/# /'
chmod 644 "$work"/*.csv

out=$(psql -X -q -v dir="$work" -v lower=0.5 -f "$here/quality.sql")
sed -n '/^# check$/q;p' <<<"$out" | sed 's/^\([^#]\)/# \1/'
value() { sed -n "s/^$1 //p" <<<"$out"; }
best=$(value best_f1)
default=$(value default_f1)
exact=$(value exact_precision)
rc=0
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 >= b + 0) }'; }
for check in "clk F1 at its best threshold ($best) at least 0.95:$best:0.95" \
	"clk F1 at migrec.clk_threshold ($default) at least 0.95:$default:0.95" \
	"exact key precision ($exact) at least 0.99:$exact:0.99"; do
	IFS=: read -r what v min <<<"$check"
	if [ -n "$v" ] && ge "$v" "$min"; then echo "ok - $what"; else echo "not ok - $what"; rc=1; fi
done
echo "1..3"
exit $rc
