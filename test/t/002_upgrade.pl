# Versioning: a database created at the oldest version and updated step by
# step with ALTER EXTENSION ... UPDATE must equal a fresh install of the
# newest, object by object (pg_dump --schema-only of both, in binary-upgrade
# mode so that every member object is written out, normalised); and the
# data a 0.1 database holds (every type, btree, hash and GIN indexes, a table
# hash-partitioned by nationality) must survive the update with the same
# answers, on the new library before and after the update.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('upgrade');
$node->init;
$node->start;

# the versions the server has, oldest first, and the default (newest)
my $versions = $node->safe_psql('postgres', q{
	SELECT string_agg(version, ' ' ORDER BY string_to_array(version, '.')::int[])
	FROM pg_available_extension_versions WHERE name = 'migrec'});
my @versions = split / /, $versions;
my $newest = $node->safe_psql('postgres', q{SELECT default_version FROM pg_available_extensions WHERE name = 'migrec'});
ok(@versions >= 2, "versions available: @versions");
is($versions[0], '0.1', 'the released 0.1 is still installable');
is($versions[-1], $newest, 'the default version is the newest');

# The extension's objects, as pg_dump writes them in binary-upgrade mode
# (which spells out every member), without what differs by construction:
# OIDs assigned at creation (also those of the configuration tables, and of
# a table's row in pg_class with its freeze horizon) and the \restrict key
# of newer pg_dumps.
sub schema_of
{
	my ($db) = @_;
	my ($out, $err);
	IPC::Run::run([ 'pg_dump', '--schema-only', '--binary-upgrade', '-d', $node->connstr($db) ],
		'>', \$out, '2>', \$err)
	  or die "pg_dump $db failed: $err";
	$out =~ s/(binary_upgrade_create_empty_extension\('migrec', '[^']*', \w+, '[^']*', )'\{[0-9,]*\}'/$1'{OIDS}'/g;
	$out =~ s/SET relfrozenxid = '\d+', relminmxid = '\d+'/SET relfrozenxid = ?, relminmxid = ?/g;
	$out =~ s/^WHERE oid = '\d+';$/WHERE oid = ?;/mg;
	return join("\n",
		grep { !/binary_upgrade_set_next_|^\\(un)?restrict / } split(/\n/, $out));
}

$node->safe_psql('postgres', 'CREATE DATABASE fresh');
$node->safe_psql('fresh', "CREATE EXTENSION migrec VERSION '$newest'");
my $fresh = schema_of('fresh');
cmp_ok(scalar(() = $fresh =~ /ALTER EXTENSION migrec ADD /g), '>=', 300,
	'the fresh install lists its member objects');

$node->safe_psql('postgres', 'CREATE DATABASE stepped');
$node->safe_psql('stepped', "CREATE EXTENSION migrec VERSION '$versions[0]'");
for my $v (@versions[ 1 .. $#versions ])
{
	$node->safe_psql('stepped', "ALTER EXTENSION migrec UPDATE TO '$v'");
	is($node->safe_psql('stepped', q{SELECT extversion FROM pg_extension WHERE extname = 'migrec'}), $v,
		"updated to $v");
}
my $stepped = schema_of('stepped');
is($stepped, $fresh,
	"updating from $versions[0] step by step gives the same schema as installing $newest");
if ($stepped ne $fresh)
{
	my $dir = PostgreSQL::Test::Utils::tempdir;
	PostgreSQL::Test::Utils::append_to_file("$dir/fresh.sql", $fresh);
	PostgreSQL::Test::Utils::append_to_file("$dir/stepped.sql", $stepped);
	diag(scalar(`diff -u $dir/fresh.sql $dir/stepped.sql | head -60`));
}

# Data of 0.1, kept through the update.
$node->safe_psql('postgres', 'CREATE DATABASE data01');
$node->safe_psql('data01', "CREATE EXTENSION migrec VERSION '0.1'; CREATE EXTENSION amcheck;");
$node->safe_psql('data01', q{
	CREATE TABLE cases AS
	SELECT k AS case_id,
	       (ARRAY['HND','HTI','CUB','VEN','SLV','GTM','NIC','XXA','XKX','COL'])[1 + k % 10]::nationality AS nationality,
	       (ARRAY['MX-CHP','MX-CMX','MX-TAB','PA-5','CR-P','MX','US','CO NCI','MX TAP','GT CTU'])[1 + (k * 7) % 10]::place AS office,
	       (('{claim_lodged@2021-01-01T09:00:00Z, admitted@2021-01-' || lpad((2 + k % 20)::text, 2, '0')
	         || '}')::protection_history) AS h
	FROM generate_series(1, 2000) k;
	CREATE TABLE journeys AS
	SELECT k AS person_id,
	       route_agg(leg ORDER BY leg) AS r
	FROM generate_series(1, 500) k,
	     LATERAL (VALUES
	       (format('PA-5 -> MX-CHP [2021-06-%s,2021-07-%s]', lpad((1 + k % 28)::text, 2, '0'), lpad((1 + k % 28)::text, 2, '0'))::route_segment),
	       (format('MX-CHP -> US [2021-07-%s,2021-08-%s]', lpad((1 + k % 28)::text, 2, '0'), lpad((1 + (k * 3) % 28)::text, 2, '0'))::route_segment)) l(leg)
	GROUP BY k;
	CREATE TABLE every_type AS
	SELECT c.case_id, c.nationality, c.office, c.h, current_status(c.h) AS status,
	       decision_tally(current_status(c.h)) OVER (PARTITION BY c.nationality) AS tally,
	       j.r, (SELECT leg FROM segments(j.r) leg LIMIT 1) AS leg,
	       transit_profile(length(j.r)) OVER (PARTITION BY c.nationality) AS profile,
	       flow_series(date '2021-06-01' + (c.case_id % 20)::int, 1) OVER (PARTITION BY c.nationality) AS flow
	FROM cases c LEFT JOIN journeys j ON j.person_id = c.case_id;
	CREATE INDEX ON every_type (nationality);
	CREATE INDEX ON every_type (office);
	CREATE INDEX ON every_type (status);
	CREATE INDEX ON every_type (leg);
	CREATE INDEX ON every_type USING hash (nationality);
	CREATE INDEX ON every_type USING hash (h);
	CREATE INDEX ON every_type USING hash (r);
	CREATE INDEX ON every_type USING gin (r);
	CREATE TABLE by_nationality (n nationality, c bigint) PARTITION BY HASH (n);
	CREATE TABLE by_nationality_0 PARTITION OF by_nationality FOR VALUES WITH (MODULUS 3, REMAINDER 0);
	CREATE TABLE by_nationality_1 PARTITION OF by_nationality FOR VALUES WITH (MODULUS 3, REMAINDER 1);
	CREATE TABLE by_nationality_2 PARTITION OF by_nationality FOR VALUES WITH (MODULUS 3, REMAINDER 2);
	INSERT INTO by_nationality SELECT nationality, count(*) FROM cases GROUP BY 1;
});

my @queries = (
	q{SELECT md5(string_agg(x::text, E'\n' ORDER BY x::text)), count(*) FROM every_type x},
	q{SELECT tableoid::regclass, n, c FROM by_nationality ORDER BY n},
	q{SELECT nationality, recognition_rate(status), decision_counts(status) FROM every_type GROUP BY 1 ORDER BY 1},
	q{SET enable_seqscan = off; SELECT count(*) FROM every_type WHERE r @> 'MX-CHP' AND r && '{US,GT}'::place[]},
	q{SET enable_indexscan = off; SET enable_bitmapscan = off; SELECT count(*) FROM every_type WHERE r @> 'MX-CHP' AND r && '{US,GT}'::place[]},
	q{SET enable_seqscan = off; SELECT count(*), min(office), max(office) FROM every_type WHERE nationality = 'HND' AND office <@ 'MX'},
	q{SELECT median(p), quantile(p, 0.9) FROM (SELECT transit_profile(days_between(r, 'PA-5', 'MX-CHP')) AS p FROM journeys) s},
	q{SELECT string_agg(f::text, ',' ORDER BY nationality) FROM (SELECT DISTINCT nationality, flow AS f FROM every_type) s},
);
sub answers
{
	return [ map { $node->safe_psql('data01', $_) } @queries ];
}
sub amcheck
{
	return $node->safe_psql('data01', q{
		SELECT count(*) FROM (
			SELECT bt_index_parent_check(c.oid, true)
			FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
			JOIN pg_am a ON a.oid = c.relam
			WHERE a.amname = 'btree' AND c.relnamespace = 'public'::regnamespace) s});
}

my $before = answers();
cmp_ok((split /\n/, $before->[3])[-1], '>', 0, 'the GIN query finds journeys');
is($before->[3], $before->[4], 'the GIN index answers as a sequential scan does');
cmp_ok(amcheck(), '>=', 4, 'amcheck passes on the 0.1 btree indexes');
$node->safe_psql('data01', 'ALTER EXTENSION migrec UPDATE');
is($node->safe_psql('data01', q{SELECT extversion FROM pg_extension WHERE extname = 'migrec'}), $newest,
	"the 0.1 database is updated to $newest");
my $after = answers();
for my $i (0 .. $#queries)
{
	is($after->[$i], $before->[$i], "after the update, query $i gives the same answer");
}
cmp_ok(amcheck(), '>=', 4, 'amcheck passes on the btree indexes after the update');
$node->safe_psql('data01', 'REINDEX TABLE every_type');
is_deeply(answers(), $before, 'after REINDEX the answers are the same: no index depended on anything the update changed');

$node->stop;
done_testing();
