# Data safety: tables of every migrec type, with btree, hash and GIN
# indexes, survive pg_dump (custom format, then plain SQL) and restore:
# every row and every query result is the same, and amcheck finds the
# restored btree indexes sound.
use strict;
use warnings;
use File::Basename qw(dirname);
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $top = $ENV{MIGREC_TOP} or die "MIGREC_TOP is not set";
my $node = PostgreSQL::Test::Cluster->new('dump');
$node->init;
$node->start;

$node->safe_psql('postgres', 'CREATE DATABASE src');
$node->safe_psql('src', 'CREATE EXTENSION migrec; CREATE EXTENSION amcheck;');
# the demo's tables at 5% scale, and one table with a column of every type
$node->command_ok(
	[ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-v', 'scale=0.05', '-d', $node->connstr('src'),
	  '-f', "$top/examples/demo_data.sql" ],
	'demo dataset loaded');
$node->safe_psql('src', q{
	CREATE TABLE every_type AS
	SELECT c.case_id, c.nationality, c.office AS place, c.h, current_status(c.h) AS status,
	       decision_tally(c.s) OVER (PARTITION BY c.nationality) AS tally,
	       j.r, (SELECT leg FROM segments(j.r) leg LIMIT 1) AS leg,
	       transit_profile(length(j.r)) OVER (PARTITION BY c.nationality) AS profile,
	       flow_series(current_date - (c.case_id % 20)::int, 1) OVER (PARTITION BY c.nationality) AS flow,
	       cl.sex, age_band(cl.birth_date, '2021-08-01', 'unhcr') AS band, cl.accompaniment, be.kind,
	       demography(cl.sex, age_band(cl.birth_date, '2021-08-01', 'upm'), cl.accompaniment) OVER (PARTITION BY c.nationality) AS demo,
	       repeat_tally(c.case_id % 4) OVER (PARTITION BY c.nationality) AS tally_people
	FROM (SELECT case_id, nationality, min(office) AS office, protection_history(status, at) AS h,
	             max(status) AS s
	      FROM case_events GROUP BY case_id, nationality) c
	LEFT JOIN journeys j ON j.person_id = c.case_id
	LEFT JOIN claimants cl ON cl.case_id = c.case_id
	LEFT JOIN border_encounters be ON be.encounter_id = c.case_id;
	CREATE INDEX ON every_type (nationality);
	CREATE INDEX ON every_type (place);
	CREATE INDEX ON every_type (status);
	CREATE INDEX ON every_type (leg);
	CREATE INDEX ON every_type (band, sex);
	CREATE INDEX ON every_type USING hash (kind);
	CREATE INDEX ON every_type USING hash (accompaniment);
	CREATE INDEX ON border_encounters (person_key, on_date);
	CREATE INDEX ON every_type USING hash (nationality);
	CREATE INDEX ON every_type USING hash (h);
	CREATE INDEX ON every_type USING hash (r);
	CREATE INDEX ON every_type USING gin (r);
	CREATE INDEX ON case_events (nationality, office, status);
	CREATE INDEX ON journey_legs (leg);
	CREATE TABLE by_nationality (n nationality, c bigint) PARTITION BY HASH (n);
	CREATE TABLE by_nationality_0 PARTITION OF by_nationality FOR VALUES WITH (MODULUS 3, REMAINDER 0);
	CREATE TABLE by_nationality_1 PARTITION OF by_nationality FOR VALUES WITH (MODULUS 3, REMAINDER 1);
	CREATE TABLE by_nationality_2 PARTITION OF by_nationality FOR VALUES WITH (MODULUS 3, REMAINDER 2);
	INSERT INTO by_nationality SELECT nationality, count(*) FROM case_events GROUP BY 1;
	INSERT INTO procedure_suspensions (jurisdiction, authority, first_day, last_day, source)
		VALUES ('PAN', 'ONPAR', '2024-01-10', '2024-01-11', 'an agency''s own row');
	INSERT INTO procedure_deadlines (jurisdiction, deadline, obliged, from_states, length, unit, citation, confidence)
		VALUES ('PAN', 'admission_decision', 'authority', '{claim_lodged}', 30, 'business_days', 'an agency''s own row', 'agency');
});

# What must come back the same: every row of every table, in a fixed order,
# and the answers of queries that use the indexes.
# procedure_suspensions and procedure_deadlines: the shipped rows (from CREATE EXTENSION) and the
# agency's row (from the dump), once each
my @tables = qw(case_events journey_legs journeys claimants border_encounters every_type by_nationality
	procedure_suspensions procedure_deadlines);
my @queries = (
	q{SELECT nationality, recognition_rate(status), decision_counts(status) FROM case_events GROUP BY 1 ORDER BY 1},
	q{SELECT count(*) FROM journeys WHERE r @> 'PA-5' AND r && '{MX-CHP,US}'::place[]},
	q{SELECT tableoid::regclass, n, c FROM by_nationality ORDER BY n},
	q{SELECT median(p), quantile(p, 0.9) FROM (SELECT transit_profile(days_between(r, 'PA-5', 'MX-CHP')) AS p FROM journeys) s},
	q{SELECT (SELECT count(*) FROM every_type), (SELECT count(*) FROM (SELECT DISTINCT h FROM every_type) a), (SELECT count(*) FROM (SELECT DISTINCT r FROM every_type) b)},
	q{SET enable_seqscan = off; SELECT count(*) FROM every_type WHERE nationality = 'HND' AND place <@ 'MX'},
	q{SELECT business_days('2024-01-01', '2024-02-01', 'PAN'), business_days('2024-05-01', '2024-06-30', 'MEX'), count(*) FROM procedure_suspensions},
	q{SELECT * FROM overdue('{claim_lodged@2024-01-08T16:00:00Z}', '2024-06-01', 'PAN')},
	q{SET enable_seqscan = off; SELECT band, sex, count(*) FROM every_type WHERE band >= 'unhcr:12-17' GROUP BY 1, 2 ORDER BY 1, 2},
	q{SET enable_seqscan = off; SELECT count(*) FROM every_type WHERE kind = 'mx_canalizado'},
	q{SELECT label, count FROM demography_table((SELECT demography(d::demography) FROM (SELECT DISTINCT demo::text AS d FROM every_type WHERE demo IS NOT NULL) x), 'upm') ORDER BY position},
	q{SELECT fy, unique_individuals(repeat_tally(n)), repeat_rate(repeat_tally(n)) FROM (SELECT person_key, us_fiscal_year(on_date) AS fy, count(*) AS n FROM border_encounters GROUP BY 1, 2) p GROUP BY fy ORDER BY fy},
);

sub snapshot
{
	my ($db) = @_;
	my %s;
	for my $t (@tables)
	{
		$s{"table $t"} = $node->safe_psql($db,
			"SELECT md5(string_agg(x::text, E'\\n' ORDER BY x::text)), count(*) FROM $t x");
	}
	for my $i (0 .. $#queries)
	{
		$s{"query $i"} = $node->safe_psql($db, $queries[$i]);
	}
	return \%s;
}

sub amcheck_all
{
	my ($db) = @_;
	return $node->safe_psql($db, q{
		SELECT count(*) FROM (
			SELECT bt_index_parent_check(c.oid, true)
			FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
			JOIN pg_am a ON a.oid = c.relam
			WHERE a.amname = 'btree' AND c.relnamespace = 'public'::regnamespace) s});
}

my $before = snapshot('src');
cmp_ok(amcheck_all('src'), '>=', 6, 'amcheck passes on the source btree indexes');

my $dir = PostgreSQL::Test::Utils::tempdir;

# custom format
$node->command_ok([ 'pg_dump', '-Fc', '-f', "$dir/src.dump", $node->connstr('src') ], 'pg_dump -Fc');
$node->safe_psql('postgres', 'CREATE DATABASE restored_custom');
$node->command_ok([ 'pg_restore', '-d', $node->connstr('restored_custom'), '--exit-on-error', "$dir/src.dump" ],
	'pg_restore');
my $after = snapshot('restored_custom');
for my $k (sort keys %$before)
{
	is($after->{$k}, $before->{$k}, "custom dump: $k is the same");
}
cmp_ok(amcheck_all('restored_custom'), '>=', 6, 'amcheck passes on the restored btree indexes');

# plain SQL into psql
$node->command_ok([ 'pg_dump', '-f', "$dir/src.sql", $node->connstr('src') ], 'pg_dump plain');
$node->safe_psql('postgres', 'CREATE DATABASE restored_plain');
$node->command_ok(
	[ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', $node->connstr('restored_plain'), '-f', "$dir/src.sql" ],
	'plain dump restored with psql');
$after = snapshot('restored_plain');
for my $k (sort keys %$before)
{
	is($after->{$k}, $before->{$k}, "plain dump: $k is the same");
}
cmp_ok(amcheck_all('restored_plain'), '>=', 6, 'amcheck passes after the plain restore');

# the text form does not depend on the TimeZone: a dump taken under another
# zone restores to the same values
$node->command_ok(
	[ 'sh', '-c', "PGTZ=Asia/Kathmandu pg_dump -Fc -f $dir/tz.dump '" . $node->connstr('src') . "'" ],
	'pg_dump under another TimeZone');
$node->safe_psql('postgres', 'CREATE DATABASE restored_tz');
$node->command_ok([ 'sh', '-c', "PGTZ=America/Mexico_City pg_restore -d '" . $node->connstr('restored_tz') . "' --exit-on-error $dir/tz.dump" ],
	'pg_restore under a third TimeZone');
$after = snapshot('restored_tz');
is($after->{'table every_type'}, $before->{'table every_type'}, 'timelines are the same across time zones');

$node->stop;
done_testing();
