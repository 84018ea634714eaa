# Versioning: install the oldest version of migrec, update step by step to
# each later one with the update scripts, and compare every object of the
# extension with a fresh install of the newest version.
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
ok(@versions >= 1, "versions available: @versions");
is($versions[-1], $newest, 'the default version is the newest');

my $describe = q{
	SELECT string_agg(d, E'\n' ORDER BY d) FROM (
		SELECT pg_describe_object(classid, objid, objsubid)
		       || coalesce(' -- ' || obj_description(objid, classid::regclass::name), '') AS d
		FROM pg_depend
		WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
		  AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'migrec')) s};

$node->safe_psql('postgres', 'CREATE DATABASE fresh');
$node->safe_psql('fresh', "CREATE EXTENSION migrec VERSION '$newest'");
my $fresh = $node->safe_psql('fresh', $describe);
ok(length($fresh) > 1000, 'a fresh install lists its objects');

$node->safe_psql('postgres', 'CREATE DATABASE stepped');
$node->safe_psql('stepped', "CREATE EXTENSION migrec VERSION '$versions[0]'");
for my $v (@versions[ 1 .. $#versions ])
{
	$node->safe_psql('stepped', "ALTER EXTENSION migrec UPDATE TO '$v'");
	is($node->safe_psql('stepped', q{SELECT extversion FROM pg_extension WHERE extname = 'migrec'}), $v,
		"updated to $v");
}
is($node->safe_psql('stepped', $describe), $fresh,
	"updating from $versions[0] step by step gives the same objects as installing $newest");

$node->stop;
done_testing();
