# Through a crash: clerks insert case events and journeys (legs, and the
# journey with its GIN-indexed route) into migrec's design and into the
# plain-PostgreSQL design (test/bench/report/plain) while analysts run a
# report section; the postmaster is killed (SIGKILL) at a random moment,
# the server restarted (crash recovery), and then every transaction a clerk
# saw committed must be there whole, no transaction in part, amcheck must
# pass on every btree (bt_index_check with heapallindexed, catalogs
# included), and the GIN indexes must give the answers of a sequential scan.
# CRASH_ROUNDS crashes (1), on the demo's data at CRASH_SCALE (0.02);
# test/bench/bench_load.sh runs it longer.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use IPC::Run;
use Time::HiRes qw(sleep);
use Cwd qw(abs_path);

my $top = $ENV{MIGREC_TOP} or die "MIGREC_TOP is not set";
my $rounds = $ENV{CRASH_ROUNDS} // 1;
my $scale = $ENV{CRASH_SCALE} // 0.02;
my $clerks = $ENV{CRASH_CLERKS} // 2;    # per design
my $seed = $ENV{CRASH_SEED} // time;
srand($seed);
note "random seed $seed (CRASH_SEED)";

my $node = PostgreSQL::Test::Cluster->new('crash');
$node->init;
$node->append_conf('postgresql.conf', "max_connections = 40\nfsync = on\n");
$node->start;

# the two designs on the demo's records
my $base = abs_path($node->basedir);
my $csv = "$base/csv";
mkdir $csv or die;
$node->safe_psql('postgres', 'CREATE DATABASE mr; CREATE DATABASE plain');
$node->safe_psql('mr', 'CREATE EXTENSION migrec; CREATE EXTENSION amcheck');
$node->command_ok([ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-v', "scale=$scale", '-d', $node->connstr('mr'),
	'-f', "$top/examples/demo_data.sql" ], "demo dataset at scale $scale");
$node->command_ok([ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-v', "csvdir=$csv", '-d', $node->connstr('mr'),
	'-f', "$top/test/bench/report/export.sql" ], 'exported as CSV');
$node->command_ok([ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-v', "csvdir=$csv", '-d', $node->connstr('plain'),
	'-f', "$top/test/bench/report/plain/load.sql" ], 'plain design loaded');
$node->safe_psql('plain', 'CREATE EXTENSION amcheck');
# a clerk finds a case by its id and time: the same btree in both designs
# (here on migrec's types too)
$node->safe_psql('mr', 'CREATE INDEX case_events_case_at ON case_events (case_id, at);
	CREATE INDEX case_events_nat_status ON case_events (nationality, status); CREATE INDEX journey_legs_leg ON journey_legs (leg)');

# A clerk's transactions, each followed by the id it committed (psql prints
# it only once COMMIT has returned).  Three shapes of journey, so that the
# GIN index sees several keys.
my @shapes = (
	[ 'CO NCI', 'PA-5', 'MX-CHP', [qw(CO PA MX), 'CO NCI', 'PA-5', 'MX-CHP'] ],
	[ 'CO TRB', 'PA-5', 'US', [qw(CO PA US), 'CO TRB', 'PA-5'] ],
	[ 'HN', 'GT CTU', 'MX TIJ', [qw(HN GT MX), 'GT CTU', 'MX TIJ'] ]);
sub clerk_script
{
	my ($design, $first, $n) = @_;
	my $s = '';
	for my $id ($first .. $first + $n - 1)
	{
		my ($a, $b, $c, $keys) = @{ $shapes[ $id % 3 ] };
		my $legs = "$a -> $b [2021-09-01,2021-09-05], $b -> $c [2021-09-06,2021-09-30]";
		$s .= "BEGIN;\n";
		$s .= "INSERT INTO case_events VALUES ($id, 'HND', 'MX-CHP', 'claim_lodged', '2021-09-01 10:00+00');\n";
		$s .= "INSERT INTO case_events VALUES ($id, 'HND', 'MX-CHP', 'admitted', '2021-09-05 10:00+00');\n";
		if ($design eq 'mr')
		{
			$s .= "INSERT INTO journey_legs VALUES ($id, 'HTI', '$a -> $b [2021-09-01,2021-09-05]'), ($id, 'HTI', '$b -> $c [2021-09-06,2021-09-30]');\n";
			$s .= "INSERT INTO journeys VALUES ($id, 'HTI', '{$legs}');\n";
		}
		else
		{
			$s .= "INSERT INTO journey_legs VALUES ($id, 'HTI', '$a', '$b', '2021-09-01', '2021-09-05'), ($id, 'HTI', '$b', '$c', '2021-09-06', '2021-09-30');\n";
			$s .= "INSERT INTO journeys VALUES ($id, 'HTI', '{\"$a\",\"$b\"}', '{\"$b\",\"$c\"}', '{2021-09-01,2021-09-06}', '{2021-09-05,2021-09-30}', '{"
			  . join(',', map { "\"$_\"" } @$keys) . "}');\n";
		}
		$s .= "COMMIT;\n\\echo committed $id\n";
	}
	return $s;
}

for my $round (1 .. $rounds)
{
	my (@h, %out);
	for my $design ('mr', 'plain')
	{
		for my $c (1 .. $clerks)
		{
			my $first = 1_000_000_000 + $round * 10_000_000 + $c * 100_000;
			my $f = "$base/clerk-$design-$round-$c";
			PostgreSQL::Test::Utils::append_to_file("$f.sql", clerk_script($design, $first, 50_000));
			push @h, IPC::Run::start([ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', $node->connstr($design), '-f', "$f.sql" ],
				'>', "$f.out", '2>', "$f.err");
			push @{ $out{$design} }, $f;
		}
		# an analyst: section 6 of the report, again and again
		my $f = "$base/analyst-$design-$round";
		my $sect = "$top/test/bench/report/" . ($design eq 'mr' ? 'migrec' : 'plain') . '/s6_journeys.sql';
		PostgreSQL::Test::Utils::append_to_file("$f.sql", "\\o /dev/null\n" . ("\\i $sect\n" x 1000));
		push @h, IPC::Run::start([ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', $node->connstr($design), '-f', "$f.sql" ],
			'>', "$f.out", '2>', "$f.err");
	}
	my $delay = 2 + rand(4);
	sleep($delay);
	my $pm = $node->{_pid};
	$node->kill9;
	$_->finish for @h;    # the clients end on the lost connection
	note sprintf('round %d: postmaster killed after %.1f s', $round, $delay);
	# the postmaster gone, then its backends (they hold the shared memory);
	# a kill -9 leaves postmaster.pid behind: the next start recovers
	for (1 .. 300)
	{
		last unless kill(0, $pm);
		sleep(0.1);
	}
	my $started = 0;
	for (1 .. 30)
	{
		last if ($started = $node->start(fail_ok => 1));
		sleep(1);
	}
	BAIL_OUT('the server does not restart after the crash') unless $started;

	for my $design ('mr', 'plain')
	{
		my @ids;
		for my $f (@{ $out{$design} })
		{
			push @ids, map { /^committed (\d+)$/ ? $1 : () } split /\n/, slurp_file("$f.out");
			my $err = slurp_file("$f.err");
			my @bad = grep { $_ ne '' && !/server closed the connection|terminat|connection to server|lost synchronization|FATAL|the database system is|no connection to the server|This probably means|before or while processing|psql:.*: error: connection/ } split /\n/, $err;
			is(join("\n", @bad), '', "round $round, $design: clerk saw no error but the crash") or diag $err;
		}
		my $err = slurp_file("$base/analyst-$design-$round.err");
		my @bad = grep { $_ ne '' && !/server closed the connection|terminat|connection to server|lost synchronization|FATAL|the database system is|no connection to the server|This probably means|before or while processing|psql:.*: error: connection|^LINE|^\s*\^/ } split /\n/, $err;
		is(join("\n", @bad), '', "round $round, $design: analyst saw no error but the crash");
		cmp_ok(scalar(@ids), '>', 0, "round $round, $design: clerks committed " . scalar(@ids) . " transactions before the crash");
		my $list = join(',', @ids) || '0';
		is($node->safe_psql($design, qq{
			SELECT count(*) FROM unnest('{$list}'::bigint[]) id
			WHERE (SELECT count(*) FROM case_events e WHERE e.case_id = id) <> 2
			   OR (SELECT count(*) FROM journey_legs l WHERE l.person_id = id) <> 2
			   OR (SELECT count(*) FROM journeys j WHERE j.person_id = id) <> 1}),
			'0', "round $round, $design: every committed transaction is there, whole");
		is($node->safe_psql($design, q{
			SELECT (SELECT count(*) FROM (SELECT case_id FROM case_events WHERE case_id >= 1000000000 GROUP BY 1 HAVING count(*) <> 2) e)
			     + (SELECT count(*) FROM (SELECT person_id FROM journey_legs WHERE person_id >= 1000000000 GROUP BY 1 HAVING count(*) <> 2) l)
			     + (SELECT count(*) FROM (SELECT j.person_id FROM journeys j WHERE j.person_id >= 1000000000
			                              AND NOT EXISTS (SELECT FROM case_events e WHERE e.case_id = j.person_id)) j)}),
			'0', "round $round, $design: no transaction is there in part");
		my $btrees = $node->safe_psql($design, q{
			SELECT count(bt_index_check(c.oid, true))
			FROM pg_class c JOIN pg_am am ON am.oid = c.relam
			WHERE am.amname = 'btree' AND c.relkind = 'i' AND c.relpersistence = 'p'});
		cmp_ok($btrees, '>', 100, "round $round, $design: amcheck passes on all $btrees btree indexes (heapallindexed)");
		my $where = $design eq 'mr' ? 'r @> %s::place' : 'places @> ARRAY[%s]';
		my $index = $design eq 'mr' ? 'journeys_r' : 'journeys_places';
		for my $p ('PA-5', 'MX-CHP', 'US', 'GT CTU', 'MX TIJ', 'MX', 'CO')
		{
			my $q = sprintf("SELECT count(*) || ' ' || md5(string_agg(person_id::text, ',' ORDER BY person_id)) FROM journeys WHERE $where", "'$p'");
			my $gin = $node->safe_psql($design, "SET enable_seqscan = off; SET enable_indexscan = off; $q");
			my $plan = $node->safe_psql($design, "SET enable_seqscan = off; SET enable_indexscan = off; EXPLAIN $q");
			my $seq = $node->safe_psql($design, "SET enable_bitmapscan = off; SET enable_indexscan = off; $q");
			ok($plan =~ /$index/ && $gin eq $seq, "round $round, $design: the GIN index answers as a sequential scan for $p ($gin)");
		}
	}
}

done_testing();
