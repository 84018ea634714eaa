// Runs the statements of a SQL file (psql's backslash lines removed) through
// node-postgres in one session, every value read as text, and prints each
// result row as psql -At -F'|' would, so the two can be compared.  Then reads
// each migrec type as text and checks it.  Connects with the PG* environment.
import fs from 'node:fs';
import pg from 'pg';

const textTypes = { getTypeParser: () => (value) => value };
const client = new pg.Client({ types: textTypes });
await client.connect();

const sql = fs.readFileSync(process.argv[2], 'utf8')
  .split('\n').filter((line) => !line.startsWith('\\')).join('\n');
const statements = sql.split(/;\s*\n/).map((s) => s.trim())
  .filter((s) => s.replace(/--[^\n]*/g, '').trim().length > 0);
const out = [];
for (const statement of statements) {
  const result = await client.query({ text: statement, rowMode: 'array' });
  for (const row of result.rows ?? []) {
    out.push(row.map((v) => (v === null ? '' : v)).join('|'));
  }
}
fs.writeFileSync(process.argv[3], out.join('\n') + '\n');

// every type, read as text
const samples = [
  ['nationality', "'hn'", 'HND'],
  ['place', "'mx tap'", 'MX TAP'],
  ['protection_status', "'ADMITTED'", 'admitted'],
  ['protection_history', "'{claim_lodged@2021-06-03 09:00-06}'", '{claim_lodged@2021-06-03T15:00:00Z}'],
  ['decision_tally', "'(recognized=1,complementary=0,rejected=2,otherwise_closed=3)'",
    '(recognized=1,complementary=0,rejected=2,otherwise_closed=3)'],
  ['route_segment', "'CO NCI->PA-5[2021-08-01,]'", 'CO NCI -> PA-5 [2021-08-01,]'],
  ['route', "'{CO NCI -> PA-5, PA-5 -> CR PBS}'", '{CO NCI -> PA-5, PA-5 -> CR PBS}'],
  ['transit_profile', "'{ 3:1 , >730:2 }'", '{3:1, >730:2}'],
  ['flow_series', "'2021-06-01 { 1, 2 }'", '2021-06-01 {1,2}'],
];
let failed = 0;
let n = 0;
for (const [type, literal, expected] of samples) {
  const r = await client.query({ text: `SELECT ${literal}::${type}`, rowMode: 'array' });
  n += 1;
  const got = r.rows[0][0];
  if (got === expected) console.log(`ok ${n} - ${type} reads as text: ${got}`);
  else { failed += 1; console.log(`not ok ${n} - ${type}: got ${got}, expected ${expected}`); }
}
console.log(`1..${n}`);
await client.end();
process.exit(failed ? 1 : 0);
