# Beyond one server: a coordinator and three shards on this machine, the
# case events partitioned by nationality (by LIST, and again by HASH) into
# postgres_fdw foreign tables on the shards, with the server option
# extensions 'migrec' so that migrec's functions and operators are shipped.
# The pipeline queries must be computed on the shards (their aggregates and
# WHERE clauses in the Remote SQL) and give the same answers as one local
# table; what cannot be pushed down must still be right; mergeable states
# move one row per group and shard; and every aggregate gives the same
# result with 0, 1 and 2 parallel workers.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $top = $ENV{MIGREC_TOP} or die "MIGREC_TOP is not set";

my $coord = PostgreSQL::Test::Cluster->new('coordinator');
$coord->init;
$coord->append_conf('postgresql.conf', "max_worker_processes = 8\nmax_parallel_workers = 4\n");
$coord->start;
my @shards;
for my $i (1 .. 3)
{
	my $s = PostgreSQL::Test::Cluster->new("shard$i");
	$s->init;
	$s->start;
	push @shards, $s;
}

# the same schema on every node: migrec in public, the shard tables
my $shard_tables = q{
	CREATE EXTENSION migrec;
	CREATE TABLE events_l (case_id bigint, nationality nationality, office place, status protection_status, at timestamptz, month date);
	CREATE TABLE events_h (LIKE events_l);
	CREATE TABLE journeys_l (person_id bigint, nationality nationality, r route);
	CREATE INDEX ON journeys_l USING gin (r);
	CREATE TABLE encounters_l (encounter_id bigint, person_key bigint, nationality nationality, on_date date,
		kind encounter, sex sex, birth_date date, accompaniment accompaniment, fy int);
};
$_->safe_psql('postgres', $shard_tables) for @shards;

$coord->safe_psql('postgres', 'CREATE EXTENSION migrec; CREATE EXTENSION postgres_fdw;');
for my $i (0 .. 2)
{
	my $s = $shards[$i];
	my $n = $i + 1;
	$coord->safe_psql('postgres', sprintf(q{
		CREATE SERVER shard%d FOREIGN DATA WRAPPER postgres_fdw
			OPTIONS (host '%s', port '%d', dbname 'postgres', extensions 'migrec', async_capable 'true');
		CREATE USER MAPPING FOR CURRENT_USER SERVER shard%d;}, $n, $s->host, $s->port, $n));
}

# the reference: one local table with the demo's rows; then the same rows
# through the partitioned tables into the shards
$coord->command_ok(
	[ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-v', 'scale=0.1', '-d', $coord->connstr('postgres'),
	  '-f', "$top/examples/demo_data.sql" ],
	'demo dataset loaded on the coordinator');
$coord->safe_psql('postgres', q{
	CREATE TABLE events_list (case_id bigint, nationality nationality, office place, status protection_status, at timestamptz, month date)
		PARTITION BY LIST (nationality);
	CREATE FOREIGN TABLE events_list_1 PARTITION OF events_list FOR VALUES IN ('HND', 'GTM', 'SLV')
		SERVER shard1 OPTIONS (table_name 'events_l');
	CREATE FOREIGN TABLE events_list_2 PARTITION OF events_list FOR VALUES IN ('HTI', 'CUB', 'VEN')
		SERVER shard2 OPTIONS (table_name 'events_l');
	CREATE FOREIGN TABLE events_list_3 PARTITION OF events_list DEFAULT
		SERVER shard3 OPTIONS (table_name 'events_l');
	CREATE TABLE events_hash (LIKE events_list) PARTITION BY HASH (nationality);
	CREATE FOREIGN TABLE events_hash_0 PARTITION OF events_hash FOR VALUES WITH (MODULUS 3, REMAINDER 0)
		SERVER shard1 OPTIONS (table_name 'events_h');
	CREATE FOREIGN TABLE events_hash_1 PARTITION OF events_hash FOR VALUES WITH (MODULUS 3, REMAINDER 1)
		SERVER shard2 OPTIONS (table_name 'events_h');
	CREATE FOREIGN TABLE events_hash_2 PARTITION OF events_hash FOR VALUES WITH (MODULUS 3, REMAINDER 2)
		SERVER shard3 OPTIONS (table_name 'events_h');
	CREATE TABLE journeys_list (person_id bigint, nationality nationality, r route) PARTITION BY LIST (nationality);
	CREATE FOREIGN TABLE journeys_list_1 PARTITION OF journeys_list FOR VALUES IN ('HTI')
		SERVER shard1 OPTIONS (table_name 'journeys_l');
	CREATE FOREIGN TABLE journeys_list_2 PARTITION OF journeys_list FOR VALUES IN ('CUB', 'VEN')
		SERVER shard2 OPTIONS (table_name 'journeys_l');
	CREATE FOREIGN TABLE journeys_list_3 PARTITION OF journeys_list DEFAULT
		SERVER shard3 OPTIONS (table_name 'journeys_l');
	-- the month of each event, kept as a column as an agency would (a
	-- grouping expression would not be pushed down; a column is)
	ALTER TABLE case_events ADD COLUMN month date;
	UPDATE case_events SET month = date_trunc('month', at AT TIME ZONE 'UTC')::date;
	INSERT INTO events_list SELECT * FROM case_events;
	INSERT INTO events_hash SELECT * FROM case_events;
	INSERT INTO journeys_list SELECT person_id, nationality, r FROM journeys;
	-- border encounters by nationality: a person has one nationality here, so
	-- no person is on two shards; the fiscal year kept as a column
	ALTER TABLE border_encounters ADD COLUMN fy int;
	UPDATE border_encounters SET fy = us_fiscal_year(on_date);
	CREATE TABLE encounters_list (LIKE border_encounters) PARTITION BY LIST (nationality);
	CREATE FOREIGN TABLE encounters_list_1 PARTITION OF encounters_list FOR VALUES IN ('MEX', 'HND')
		SERVER shard1 OPTIONS (table_name 'encounters_l');
	CREATE FOREIGN TABLE encounters_list_2 PARTITION OF encounters_list FOR VALUES IN ('GTM', 'SLV')
		SERVER shard2 OPTIONS (table_name 'encounters_l');
	CREATE FOREIGN TABLE encounters_list_3 PARTITION OF encounters_list DEFAULT
		SERVER shard3 OPTIONS (table_name 'encounters_l');
	INSERT INTO encounters_list SELECT * FROM border_encounters;
	ANALYZE events_list, events_hash, journeys_list, encounters_list;
});
$_->safe_psql('postgres', 'ANALYZE') for @shards;
my $rows = $coord->safe_psql('postgres', 'SELECT count(*) FROM case_events');
is($coord->safe_psql('postgres', 'SELECT count(*) FROM events_list'), $rows, 'every row reached a LIST shard');
is($coord->safe_psql('postgres', 'SELECT count(*) FROM events_hash'), $rows, 'every row reached a HASH shard');
ok($shards[2]->safe_psql('postgres', 'SELECT count(*) FROM events_l') > 0, 'the default partition holds rows');

my $settings = 'SET enable_partitionwise_aggregate = on; SET enable_partitionwise_join = on; ';

# A query on the sharded tables (%s is the table) against the local table.
sub same_answer
{
	my ($name, $query, $table, $local) = @_;
	my $sharded = $coord->safe_psql('postgres', $settings . sprintf($query, $table));
	my $direct = $coord->safe_psql('postgres', sprintf($query, $local));
	ok(length($direct) > 0, "$name: the local answer is not empty");
	is($sharded, $direct, "$name on $table: the same answer as one local table");
}

sub remote_sql
{
	my ($query, $table) = @_;
	my $plan = $coord->safe_psql('postgres', $settings . 'EXPLAIN (VERBOSE, COSTS OFF) ' . sprintf($query, $table));
	return join "\n", grep { /Remote SQL/ } split /\n/, $plan;
}

my %pipeline = (
	'rates by nationality' => q{
		SELECT nationality, recognition_rate(status), total_recognition_rate(status), decision_counts(status)
		FROM %s GROUP BY nationality ORDER BY nationality},
	'backlog by nationality' => q{
		SELECT nationality,
		       count(*) FILTER (WHERE status_at(h, '2021-06-30 23:59:59-06') IN ('claim_lodged', 'admitted', 'interviewed')) AS pending,
		       count(*) FILTER (WHERE NOT is_valid(h)) AS invalid
		FROM (SELECT nationality, case_id, protection_history(status, at) AS h FROM %s GROUP BY nationality, case_id) c
		GROUP BY nationality ORDER BY nationality},
);
for my $table (qw(events_list events_hash))
{
	for my $name (sort keys %pipeline)
	{
		same_answer($name, $pipeline{$name}, $table, 'case_events');
	}
	my $remote = remote_sql($pipeline{'rates by nationality'}, $table);
	like($remote, qr/public\.recognition_rate\(/, "$table: recognition_rate runs on the shards");
	like($remote, qr/public\.decision_counts\(/, "$table: decision_counts runs on the shards");
	like($remote, qr/GROUP BY/, "$table: grouped on the shards");
	is(scalar(() = $remote =~ /Remote SQL/g), 3, "$table: one remote query per shard");
	$remote = remote_sql($pipeline{'backlog by nationality'}, $table);
	like($remote, qr/public\.protection_history\(/, "$table: timelines are built on the shards");
	unlike($remote, qr/SELECT nationality, case_id, status, at/, "$table: events do not cross the wire, timelines do");
}

# WHERE clauses on migrec's types run on the shards too (array constants
# included, since the array types belong to the extension)
my $filtered = q{SELECT nationality, count(*), recognition_rate(status) FROM %s
	WHERE status IN ('recognized_refugee', 'rejected', 'complementary_protection') AND office <@ 'MX'
	GROUP BY nationality ORDER BY nationality};
same_answer('filtered rates', $filtered, 'events_list', 'case_events');
like(remote_sql($filtered, 'events_list'), qr/status OPERATOR\(public\.=\) ANY \('\{recognized_refugee,rejected,complementary_protection\}'::public\.protection_status\[\]\)/,
	'status IN (...) is shipped');
like(remote_sql($filtered, 'events_list'), qr/office OPERATOR\(public\.<@\) 'MX'/, 'place <@ place is shipped');

# route filters: the operator and the GIN-indexed condition run remotely
my $routes = q{SELECT nationality, count(*) FROM %s WHERE r @> 'PA-5' AND r && '{MX-CHP,US}'::place[] GROUP BY 1 ORDER BY 1};
same_answer('journeys through the Darién', $routes, 'journeys_list', 'journeys');
like(remote_sql($routes, 'journeys_list'), qr/OPERATOR\(public\.@>\)/, 'route @> place is shipped');
like(remote_sql($routes, 'journeys_list'), qr/OPERATOR\(public\.&&\)/, 'route && place[] is shipped');

# grouped by something other than the partition key: postgres_fdw ships no
# partial aggregates, so rows come to the coordinator, and the answer is
# still right
my $by_status = q{SELECT status, count(*), decision_counts(status) FROM %s GROUP BY status ORDER BY status};
same_answer('counts by status', $by_status, 'events_list', 'case_events');
unlike(remote_sql($by_status, 'events_list'), qr/decision_counts|GROUP BY/,
	'grouping by status is not pushed down: rows are fetched');

# mergeable states: tallies per (nationality, month) computed on the shards,
# merged by month on the coordinator
my $monthly = q{
	SELECT month, recognition_rate(decision_tally(t)) AS rate, decision_counts(decision_tally(t)) AS counts
	FROM (SELECT nationality, month, decision_tally(status) AS t FROM %s GROUP BY nationality, month) s
	GROUP BY month ORDER BY month};
my $monthly_direct = q{
	SELECT month, recognition_rate(status), decision_counts(status) FROM case_events GROUP BY 1 ORDER BY 1};
for my $table (qw(events_list events_hash))
{
	is($coord->safe_psql('postgres', $settings . sprintf($monthly, $table)),
		$coord->safe_psql('postgres', $monthly_direct),
		"$table: monthly regional rates from per-shard tallies equal the direct answer");
	like(remote_sql($monthly, $table), qr/public\.decision_tally\(/, "$table: tallies are computed on the shards");
	my $analyze = $coord->safe_psql('postgres',
		$settings . 'EXPLAIN (ANALYZE, VERBOSE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' . sprintf($monthly, $table));
	my $moved = 0;
	while ($analyze =~ /^\s*->\s+(?:Async )?Foreign Scan \(actual rows=(\d+) loops=(\d+)\)/mg)
	{
		$moved += $1 * $2;
	}
	my $groups = $coord->safe_psql('postgres',
		q{SELECT count(DISTINCT (nationality, month)) FROM case_events});
	is($moved, $groups, "$table: one row per group and shard crossed the wire ($moved rows for $rows events)");
}

# transit profiles per shard, merged
is($coord->safe_psql('postgres', $settings . q{
		SELECT transit_profile(p)::text FROM (
			SELECT nationality, transit_profile(days_between(r, 'PA-5', 'MX-CHP')) AS p
			FROM journeys_list GROUP BY nationality) s}),
	$coord->safe_psql('postgres', q{SELECT transit_profile(days_between(r, 'PA-5', 'MX-CHP'))::text FROM journeys}),
	'transit profiles computed per shard and merged equal the direct profile');

# people: demographies computed on the shards, merged by fiscal year into
# CBP's table; unique individuals by the exact two-step form, one row per
# person and shard crossing the wire
my $people = q{
	SELECT nationality, demography(sex, age_band(birth_date, on_date, 'child'), accompaniment)
	FROM %s GROUP BY nationality ORDER BY nationality};
same_answer('demographies by nationality', $people, 'encounters_list', 'border_encounters');
like(remote_sql($people, 'encounters_list'), qr/public\.demography\(/, 'demographies are computed on the shards');
my $cbp = q{
	SELECT m.fy, t.label, t.count
	FROM (SELECT fy, demography(d) AS d
	      FROM (SELECT nationality, fy, demography(sex, age_band(birth_date, on_date, 'child'), accompaniment) AS d
	            FROM %s WHERE encounter_authority(kind) IN ('Title 8', 'Title 42') GROUP BY nationality, fy) s
	      GROUP BY fy) m, demography_table(m.d, 'cbp') t
	ORDER BY m.fy, t."position"};
is($coord->safe_psql('postgres', $settings . sprintf($cbp, 'encounters_list')),
	$coord->safe_psql('postgres', q{
		SELECT m.fy, t.label, t.count
		FROM (SELECT us_fiscal_year(on_date) AS fy, demography(sex, age_band(birth_date, on_date, 'child'), accompaniment) AS d
		      FROM border_encounters WHERE encounter_authority(kind) IN ('Title 8', 'Title 42') GROUP BY 1) m,
		     demography_table(m.d, 'cbp') t
		ORDER BY m.fy, t."position"}),
	"CBP's table by fiscal year from per-shard demographies equals the direct one");
my $repeat = q{
	SELECT fy, repeat_tally(n), round(repeat_rate(repeat_tally(n))::numeric, 6)
	FROM (SELECT nationality, fy, person_key, count(*) AS n FROM %s GROUP BY nationality, fy, person_key) p
	GROUP BY fy ORDER BY fy};
is($coord->safe_psql('postgres', $settings . sprintf($repeat, 'encounters_list')),
	$coord->safe_psql('postgres', q{
		SELECT fy, t, round(repeat_rate(t)::numeric, 6)
		FROM (SELECT fy, repeat_tally(n) AS t
		      FROM (SELECT us_fiscal_year(on_date) AS fy, person_key, count(*) AS n FROM border_encounters GROUP BY 1, 2) p
		      GROUP BY fy) x ORDER BY fy}),
	'unique individuals and repeat rates by the two-step form over the shards equal the direct ones');
like(remote_sql($repeat, 'encounters_list'), qr/SELECT .*person_key, count\(\*\) FROM .* GROUP BY/,
	'the first step (one row per person) runs on the shards');
{
	my $analyze = $coord->safe_psql('postgres',
		$settings . 'EXPLAIN (ANALYZE, VERBOSE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' . sprintf($repeat, 'encounters_list'));
	my $moved = 0;
	while ($analyze =~ /^\s*->\s+(?:Async )?Foreign Scan \(actual rows=(\d+) loops=(\d+)\)/mg)
	{
		$moved += $1 * $2;
	}
	my ($people, $encounters) = split /\|/, $coord->safe_psql('postgres',
		q{SELECT count(DISTINCT (fy, person_key)), count(*) FROM border_encounters});
	is($moved, $people, "one row per person and fiscal year crossed the wire ($moved rows for $encounters encounters)");
}

# a cross-agency table: each shard one country's database; the coordinator
# rounds the counts it returns
my $regional = q{
	SELECT nationality, sdc_round((c).recognized) AS recognized, sdc_round((c).rejected) AS rejected,
	       round(recognition_rate(t)::numeric, 3) AS rate
	FROM (SELECT nationality, decision_tally(status) AS t, decision_counts(status) AS c FROM %s GROUP BY nationality) s
	ORDER BY nationality};
same_answer('regional table, rounded', $regional, 'events_list', 'case_events');
like($coord->safe_psql('postgres', $settings . sprintf($regional, 'events_list')), qr/\|\d*[05]\|\d*[05]\|/,
	'counts leave the coordinator rounded to 5');

# case histories kept per shard (an agency's table of timelines): the
# level-aware rates, the pending stock and the period table run on the
# shards; the level is a procedure_level constant, which postgres_fdw ships
$_->safe_psql('postgres', 'CREATE TABLE cases_l (case_id bigint, nationality nationality, h protection_history)')
  for @shards;
$coord->safe_psql('postgres', q{
	CREATE TABLE cases_list (case_id bigint, nationality nationality, h protection_history) PARTITION BY LIST (nationality);
	CREATE FOREIGN TABLE cases_list_1 PARTITION OF cases_list FOR VALUES IN ('HND', 'GTM', 'SLV')
		SERVER shard1 OPTIONS (table_name 'cases_l');
	CREATE FOREIGN TABLE cases_list_2 PARTITION OF cases_list FOR VALUES IN ('HTI', 'CUB', 'VEN')
		SERVER shard2 OPTIONS (table_name 'cases_l');
	CREATE FOREIGN TABLE cases_list_3 PARTITION OF cases_list DEFAULT
		SERVER shard3 OPTIONS (table_name 'cases_l');
	CREATE TABLE cases AS SELECT case_id, nationality, protection_history(status, at) AS h FROM case_events GROUP BY 1, 2;
	INSERT INTO cases_list SELECT * FROM cases;
	ANALYZE cases, cases_list;
});
$_->safe_psql('postgres', 'ANALYZE cases_l') for @shards;
my $by_level = q{
	SELECT nationality, recognition_rate(h, 'first_instance'), recognition_rate(h, 'appeal'), level_tally(h, 'appeal'),
	       count(*) FILTER (WHERE pending_level(h, '2021-06-30 23:59:59-06') = 'appeal') AS pending_appeal,
	       period_flows(h, '2021-01-01 00:00+00', '2021-07-01 00:00+00')
	FROM %s GROUP BY nationality ORDER BY nationality};
same_answer('rates by level, pending stock, period table', $by_level, 'cases_list', 'cases');
my $level_remote = remote_sql($by_level, 'cases_list');
like($level_remote, qr/public\.level_tally\(h, 'appeal'::public\.procedure_level\)/,
	'level_tally with a level constant runs on the shards');
like($level_remote, qr/public\.pending_level\(/, 'pending_level runs on the shards');
like($level_remote, qr/public\.period_flows\(/, 'period_flows runs on the shards');
is(scalar(() = $level_remote =~ /Remote SQL/g), 3, 'rates by level: one remote query per shard');

# parallel query on one server: every aggregate, with 0, 1 and 2 workers
$coord->safe_psql('postgres', q{
	CREATE TABLE big_events AS SELECT e.* FROM case_events e, generate_series(1, 4) k;
	CREATE TABLE big_legs AS SELECT person_id, leg FROM journey_legs, generate_series(1, 2);
	ANALYZE big_events, big_legs;
});
my $aggregates = q{
	SELECT recognition_rate(status), total_recognition_rate(status), decision_counts(status),
	       decision_tally(status)::text, min(status), max(nationality), min(office),
	       md5(protection_history(status, at)::text) IS NOT NULL,
	       length(protection_history(status, at)),
	       flow_series((at AT TIME ZONE 'UTC')::date, 1)::text,
	       transit_profile((case_id % 50)::int)::text
	FROM big_events};
my $per_case = q{SELECT md5(string_agg(h::text, ',' ORDER BY case_id)) FROM
	(SELECT case_id, protection_history(status, at) AS h FROM big_events GROUP BY case_id) s};
my $per_person = q{SELECT md5(string_agg(r::text, ',' ORDER BY person_id)) FROM
	(SELECT person_id, route_agg(leg) AS r FROM big_legs GROUP BY person_id) s};
my %answers;
for my $workers (0, 1, 2)
{
	my $set = "SET max_parallel_workers_per_gather = $workers; SET parallel_setup_cost = 0; "
	  . "SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0; SET parallel_leader_participation = off; ";
	my $plan = $coord->safe_psql('postgres', $set . 'EXPLAIN (COSTS OFF) ' . $aggregates);
	if ($workers == 2)
	{
		like($plan, qr/Partial Aggregate/, "$workers workers: the aggregates run in parallel");
	}
	$answers{$workers} = join "\n", map { $coord->safe_psql('postgres', $set . $_) } ($aggregates, $per_case, $per_person);
}
is($answers{1}, $answers{0}, 'one worker: every aggregate gives the serial answer');
is($answers{2}, $answers{0}, 'two workers: every aggregate gives the serial answer');

$coord->stop;
$_->stop for @shards;
done_testing();
