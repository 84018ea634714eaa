#!/usr/bin/env node
// tools/holidays/gen_holidays.js: writes holidays.tsv, the national public
// holidays from which tools/gen_calendar.py compiles migrec's business-day
// calendars (src/calendar_data.c).  README.md in this folder says why each
// rule and correction is here, with its sources.
//
// Source: the npm package date-holidays, pinned exactly in package.json and
// package-lock.json.  Its LICENSE (kept here as date-holidays.LICENSE) puts
// the holiday data under CC BY-SA 3.0 (derived from Wikipedia) and the code
// under ISC; holidays.tsv is adapted from that data and stays under CC BY-SA
// 3.0, attributed in its header.
//
// Usage (tools/holidays/update.sh does it):
//     npm ci && node gen_holidays.js > holidays.tsv
//
// Output: one row per holiday the package returns at NATIONAL level (no state,
// no region) for each country and each year FIRST_YEAR..LAST_YEAR, every type,
// plus explicit, cited corrections (column `source`).  Column `nonworking`
// applies the rule stated below; the calendar compiler reads that column and
// never re-derives it from `type`.  The header records the package version
// and the sha256 of this file and of package-lock.json, so that the offline
// check (tools/test/run.sh) can tell a holidays.tsv that these did not make.

'use strict'

const crypto = require('crypto')
const fs = require('fs')
const path = require('path')
const Holidays = require('date-holidays')
const pkg = require('date-holidays/package.json')

const FIRST_YEAR = 2000
const LAST_YEAR = 2035

// ISO 3166-1 alpha-2 (what date-holidays uses) -> alpha-3 (what migrec's
// nationality type prints). Fixed list: the ten countries issue 14 names.
const COUNTRIES = [
  ['MX', 'MEX'], ['GT', 'GTM'], ['HN', 'HND'], ['SV', 'SLV'], ['NI', 'NIC'],
  ['CR', 'CRI'], ['PA', 'PAN'], ['CO', 'COL'], ['US', 'USA'], ['CA', 'CAN']
]

// Rule for a non-working day (the one place it is decided):
//  - type 'public' for a whole day            -> non-working
//  - substitute ("observed") day of a public holiday, as the package emits it
//    (PA: Sunday -> Monday; US: Saturday -> Friday, Sunday -> Monday)
//                                             -> non-working (same type 'public')
//  - 'bank', 'optional', 'observance', 'school' -> working, except the
//    cited overrides in FLAG
//  - type 'government' (added here, not from the package): rest day of the
//    federal government only (Mexico's 5 May; Canada's Interpretation Act
//    holidays missing at national level)                -> non-working
//  - a holiday that starts at noon (GT 24 and 31 Dec from 12:00) -> working:
//    offices open in the morning, a deadline day is a whole day.
// Agency-specific closures (Mexico's Holy Thursday/Friday, vacation periods,
// COVID suspensions) are NOT holidays: they belong in the suspension table.

// Corrections where date-holidays disagrees with the law, each cited (README.md
// has the sources). Three kinds, applied in this order:
//  DROP  {country, ruleRe, from, to, cite}: the package's row is kept but marked
//        nonworking=f with source "correction: ..." (so the diff stays visible);
//  FLAG  {country, ruleRe, from, to, nonworking, cite}: override nonworking;
//  ADD   rows produced by addRows(a3, year) below.
const DROP = [
  // MEX: sexennial change of government moved from 1 Dec to 1 Oct from 2024
  // (Constitution art. 83 as reformed DOF 10-02-2014; LFT art. 74-VII as
  // reformed 2024; Calendario Oficial art. 2 as reformed DOF 12-07-2024).
  { country: 'MEX', ruleRe: /^12-01 every 6 years/, from: 2024, to: 9999, cite: 'moved to 1 Oct from 2024 (Const. art. 83; Calendario Oficial DOF 12-07-2024)' },
  // HND: Decreto Legislativo 78-2015 (18-08-2015) moves 3, 12 and 21 Oct to
  // Wednesday-Friday of the first week of October ("Semana Morazánica").
  { country: 'HND', ruleRe: /^10-(03|12|21)$/, from: 2015, to: 9999, cite: 'moved to Semana Morazánica by Decreto 78-2015' },
  // CRI: Ley 9803 (2020) replaced 12 Oct by 1 Dec (Día de la Abolición del Ejército).
  { country: 'CRI', ruleRe: /^10-12 /, from: 2020, to: 9999, cite: '12 Oct no longer a holiday from 2020 (Ley 9803)' }
]
const FLAG = [
  // USA: Veterans Day observed on Fri/Mon is a federal holiday (5 U.S.C. 6103(b)).
  { country: 'USA', ruleRe: /^substitutes 11-11/, from: 0, to: 9999, nonworking: true, cite: '5 U.S.C. 6103(b)' },
  // SLV: Código de Trabajo art. 190 lists 1 Jan, 10 May (public sector always,
  // private sector since 2016) and 17 Jun (since 2013) as paid rest days.
  { country: 'SLV', ruleRe: /^01-01$/, from: 0, to: 9999, nonworking: true, cite: 'Código de Trabajo art. 190' },
  { country: 'SLV', ruleRe: /^05-10$/, from: 0, to: 9999, nonworking: true, cite: 'Código de Trabajo art. 190; public employees before 2016' },
  { country: 'SLV', ruleRe: /^06-17$/, from: 2013, to: 9999, nonworking: true, cite: 'Código de Trabajo art. 190 (Día del Padre since 2013)' },
  // CAN: National Day for Truth and Reconciliation is a "holiday" of the
  // Interpretation Act s. 35(1) since 2021 (S.C. 2021, c. 11).
  { country: 'CAN', ruleRe: /^09-30 since 2021/, from: 2021, to: 9999, nonworking: true, cite: 'Interpretation Act s. 35(1) (S.C. 2021, c. 11)' }
]
// Costa Rica, Ley 9875 (La Gaceta 18-07-2020) moved holidays to Mondays for
// 2020-2024, as amended (Ley 10396 of 2023, Ley 10438 of 2024). from -> to.
const CRI_MOVES = {
  2020: [['07-25', '07-27'], ['08-15', '08-17'], ['09-15', '09-14'], ['12-01', '11-30']],
  2021: [['05-01', '05-03'], ['07-25', '07-26'], ['09-15', '09-13'], ['12-01', '11-29']],
  2022: [['09-15', '09-19'], ['12-01', '12-05']],
  2023: [['04-11', '04-10'], ['07-25', '07-24'], ['08-15', '08-14']],
  2024: [['04-11', '04-15']]
}
const CRI_MOVE_CITE = 'Ley 9875 (2020) as amended by Leyes 10396 and 10438'

function iso (y, md) { return `${y}-${md}` }
function firstWeekday (y, month, weekday) { // weekday 0=Sun..6=Sat
  const d = new Date(Date.UTC(y, month - 1, 1))
  while (d.getUTCDay() !== weekday) d.setUTCDate(d.getUTCDate() + 1)
  return d
}
function fmt (d) { return d.toISOString().slice(0, 10) }

// Canada: the Interpretation Act s. 35(1) "holiday" list (governs federal time
// limits: s. 26 moves a deadline falling on a holiday to the next day) has
// days date-holidays keeps only at province level. Their dates come from the
// package's own rule engine (setHoliday) so no date arithmetic is written here.
const CAN_RULES = [
  ['easter 1', 'Lundi de Pâques', 'Easter Monday'],
  ['monday before 05-25', 'Fête de la Reine / Journée nationale des patriotes', 'Victoria Day'],
  ['2nd monday in October', 'Action de grâce', 'Thanksgiving'],
  ['11-11', 'Jour du Souvenir', 'Remembrance Day']
]
const canByYear = new Map()
function canFederal (y) {
  if (!canByYear.has(y)) {
    const hd = new Holidays()
    hd.init('CA')
    for (const [rule, fr, en] of CAN_RULES) hd.setHoliday(rule, { name: { en, fr }, type: 'public' })
    const names = new Set(CAN_RULES.map(r => r[2]))
    canByYear.set(y, hd.getHolidays(y, 'en').filter(h => names.has(h.name)).map(h => [h.date.slice(0, 10), h.name, CAN_RULES.find(r => r[2] === h.name)[1]]))
  }
  return canByYear.get(y)
}

function addRows (a3, y) {
  const r = []
  const add = (date, es, en, cite, type = 'public') => r.push({ date, es, en, cite, type })
  if (a3 === 'MEX') {
    if (y === 2024 || y === 2030) add(iso(y, '10-01'), 'Transmisión del Poder Ejecutivo Federal', 'Change of Federal Government', 'Const. art. 83; LFT art. 74-VII (2024); Calendario Oficial DOF 12-07-2024')
    // Rest day for federal public servants (COMAR, INM are federal): not in the LFT.
    add(iso(y, '05-05'), 'Aniversario de la Batalla de Puebla', 'Battle of Puebla', 'Calendario Oficial art. 2 (DOF 06-10-1993, 27-01-2006, 12-07-2024); LFTSE art. 29', 'government')
  }
  if (a3 === 'CAN') {
    for (const [date, en] of canFederal(y)) add(date, en, en, 'Interpretation Act s. 35(1) (federal holiday)', 'government')
  }
  if (a3 === 'HND' && y >= 2015) {
    const wed = firstWeekday(y, 10, 3)
    const names = ['Día del Soldado', 'Día de la Raza', 'Día de las Fuerzas Armadas']
    const en = ["Soldier's Day", 'Columbus Day', 'Armed Forces Day']
    for (let i = 0; i < 3; i++) {
      const d = new Date(wed); d.setUTCDate(wed.getUTCDate() + i)
      add(fmt(d), 'Semana Morazánica: ' + names[i], 'Morazán Week: ' + en[i], 'Decreto Legislativo 78-2015')
    }
  }
  if (a3 === 'CRI') {
    const moved = new Map((CRI_MOVES[y] || []).map(([f, t]) => [f, t]))
    if (y >= 2020) { // Día de la Abolición del Ejército, Ley 9803 (2020)
      const to = moved.get('12-01') || '12-01'
      add(iso(y, to), 'Día de la Abolición del Ejército', 'Army Abolition Day', 'Ley 9803 (2020)' + (to !== '12-01' ? '; moved by ' + CRI_MOVE_CITE : ''))
    }
    if (y >= 2022) { // Ley 10050 (in force 22-11-2021): 2022 and 2023 moved to the following Sunday
      const to = y === 2022 ? '09-04' : y === 2023 ? '09-03' : '08-31'
      add(iso(y, to), 'Día de la Persona Negra y la Cultura Afrocostarricense', 'Day of the Black Person and Afro-Costa Rican Culture', 'Ley 10050 (2021)')
    }
    for (const [f, t] of moved) {
      if (f === '12-01') continue
      add(iso(y, t), null, null, 'moved from ' + f + ' by ' + CRI_MOVE_CITE)
    }
  }
  return r
}

function clean (s) {
  return String(s == null ? '' : s).replace(/[\t\r\n]+/g, ' ').trim()
}

function rowsFor (a2, a3) {
  const hd = new Holidays(a2) // national level only: no state, no region
  const localLang = hd.getLanguages()[0].replace(/-.*/, '')
  const src = `date-holidays@${pkg.version}`
  const out = []
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const local = hd.getHolidays(year, localLang)
    const english = hd.getHolidays(year, 'en')
    const keyOf = h => h.date + '|' + h.rule + '|' + (h.substitute ? 1 : 0)
    const enByKey = new Map(english.map(h => [keyOf(h), h.name]))
    const moves = a3 === 'CRI' ? new Map(CRI_MOVES[year] || []) : new Map()
    const byMd = new Map() // month-day -> names, for moved CRI rows
    for (const h of local) {
      const date = h.date.slice(0, 10)
      const time = h.date.slice(11, 16)
      const inYear = c => year >= c.from && year <= c.to && c.country === a3 && c.ruleRe.test(h.rule)
      const row = {
        country: a3,
        date,
        start_time: time,
        name_local: clean(h.name),
        name_en: clean(enByKey.get(keyOf(h)) || ''),
        lang: localLang,
        type: h.type,
        substitute: h.substitute ? 't' : 'f',
        nonworking: h.type === 'public' && time === '00:00' ? 't' : 'f',
        rule: clean(h.rule),
        source: src
      }
      byMd.set(date.slice(5), row)
      const drop = DROP.find(inYear)
      const flag = FLAG.find(inYear)
      if (drop) {
        row.nonworking = 'f'; row.source = `${src}; correction: ${drop.cite}`
      } else if (flag) {
        row.nonworking = flag.nonworking ? 't' : 'f'; row.source = `${src}; nonworking per ${flag.cite}`
      }
      if (moves.has(date.slice(5)) && row.nonworking === 't') {
        row.nonworking = 'f'; row.source = `${src}; correction: moved to ${moves.get(date.slice(5))} by ${CRI_MOVE_CITE}`
      }
      out.push(row)
    }
    for (const a of addRows(a3, year)) {
      let es = a.es; let en = a.en
      if (es == null) { // moved CRI holiday: name from the package's original row
        const from = a.cite.match(/moved from (\d\d-\d\d)/)[1]
        const orig = byMd.get(from)
        es = orig ? orig.name_local : ''; en = orig ? orig.name_en : ''
      }
      out.push({
        country: a3, date: a.date, start_time: '00:00', name_local: es, name_en: en,
        lang: localLang, type: a.type, substitute: 'f', nonworking: 't', rule: '',
        source: 'correction: ' + a.cite
      })
    }
  }
  return out
}

const COLS = ['country', 'date', 'start_time', 'name_local', 'name_en', 'lang', 'type',
  'substitute', 'nonworking', 'rule', 'source']

function sha256 (file) {
  return crypto.createHash('sha256').update(fs.readFileSync(path.join(__dirname, file))).digest('hex')
}

const lines = []
lines.push(`# holidays.tsv: national public holidays ${FIRST_YEAR}-${LAST_YEAR} of ${COUNTRIES.map(c => c[1]).join(' ')}`)
lines.push(`# source: npm date-holidays ${pkg.version} (${pkg.homepage}), by commenthol; licence ${pkg.license}: its LICENSE file puts the holiday data under CC BY-SA 3.0 (Wikipedia attributions in tools/holidays/date-holidays.LICENSE)`)
lines.push('# licence of this file: CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/), adapted from date-holidays\' data with the corrections cited in column source')
lines.push(`# generator: gen_holidays.js sha256 ${sha256('gen_holidays.js')}; package-lock.json sha256 ${sha256('package-lock.json')}`)
lines.push('# nonworking = t: type public for the whole day (substitute/observed days included), or a cited correction; see tools/holidays/README.md')
lines.push(COLS.join('\t'))
let all = []
for (const [a2, a3] of COUNTRIES) all = all.concat(rowsFor(a2, a3))
all.sort((a, b) => a.country.localeCompare(b.country) || a.date.localeCompare(b.date) ||
  a.start_time.localeCompare(b.start_time) || a.name_local.localeCompare(b.name_local))
for (const r of all) lines.push(COLS.map(c => r[c]).join('\t'))
process.stdout.write(lines.join('\n') + '\n')
