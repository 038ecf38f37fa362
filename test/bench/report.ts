import type { BenchProfile, CONNECTIONS } from './bench-profile.js';
import { median, type LoadResult } from './load.js';
import type { Plan } from './sql-insight.js';
import { webAppRows, type WebAppReport } from './web-app.scenario.js';
import { ITEM_STATISTICS_CONNECTIONS, type ItemStatisticsReport } from './item-statistics.scenario.js';
import type { TopologyResults } from './topology-scenarios.js';

/** Everything one bench run measured; rendered as a console table and as docs/benchmarks.md. */
export interface BenchReport {
  readonly profile: BenchProfile;
  readonly date: string;
  readonly commit: string;
  readonly machine: {
    cores: number;
    cpuModel: string;
    totalMemBytes: number;
    node: string;
    postgres: string;
    loadAverage: number[];
  };
  readonly poolMax: number;
  readonly connections: typeof CONNECTIONS;
  readonly bankSmallSize: number;
  readonly learnerLoadSeconds: number;
  readonly bankLoadSeconds: number;
  readonly tableSizes: { relname: string; rows: number }[];
  readonly ceiling: LoadResult[];
  readonly read: LoadResult[];
  readonly readUnderLogin: LoadResult[];
  readonly logins: LoadResult[];
  /** Level exams untimed (the seeded settings): the cycle of every bench before sittings, for comparison. */
  readonly cycles: LoadResult[];
  /** Absent in reports of runs before the topology scenarios existed (`--render` of an old JSON). */
  readonly topology?: TopologyResults;
  /** Autosaves of one answer, and reads run right after each (docs/product.md, "Exam sittings"). */
  readonly saves: LoadResult[];
  readonly readsBesideSaves: LoadResult[];
  readonly learnerScale: {
    smallRead: LoadResult[];
    smallEligibility: LoadResult[];
    largeRead: LoadResult[];
    largeEligibility: LoadResult[];
  };
  readonly bankScale: { small: LoadResult[]; large: LoadResult[] };
  /** Absent in reports from before the item-statistics scenario (`--render` of an old run). */
  readonly itemStatistics?: ItemStatisticsReport;
  /** Absent in reports from before the web-app scenario (`--render` of an old run). */
  readonly webApp?: WebAppReport;
  readonly memory: { peakBytes: number; source: string };
  readonly roundTrips: RoundTripRow[];
  readonly plans: { endpoint: string; plans: Plan[] }[];
  readonly problems: string[];
  readonly totalSeconds: number;
}

export interface RoundTripRow {
  readonly endpoint: string;
  readonly perRequest: number;
  /** What the last counted request sent, one label per round trip or statement. */
  readonly statements: string[];
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const rps = (value: number) => `${value.toFixed(0)} req/s`;
const x = (value: number) => `${value.toFixed(2)}×`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const med = (results: readonly LoadResult[], pick: (result: LoadResult) => number) => median(results.map(pick));

interface Row {
  readonly scenario: string;
  readonly measured: string;
  readonly bar: string;
  /** undefined: a reference, nothing to meet. */
  readonly met?: boolean;
}

function rows(report: BenchReport): Row[] {
  const ceiling = med(report.ceiling, (r) => r.rps);
  const read = med(report.read, (r) => r.rps);
  const readP99 = med(report.read, (r) => r.p99);
  const cycleCalls = med(report.cycles, (r) => r.rps);
  const cycleP99 = med(report.cycles, (r) => r.p99);
  const underP99 = med(report.readUnderLogin, (r) => r.p99);
  const logins = med(report.logins, (r) => r.rps);
  const bankSmall = med(report.bankScale.small, (r) => r.p50);
  const bankLarge = med(report.bankScale.large, (r) => r.p50);
  const { smallRead, smallEligibility, largeRead, largeEligibility } = report.learnerScale;
  const readScale = med(largeRead, (r) => r.p50) / med(smallRead, (r) => r.p50);
  const eligibilityScale = med(largeEligibility, (r) => r.p50) / med(smallEligibility, (r) => r.p50);
  const peakMib = report.memory.peakBytes / 1024 / 1024;
  const p = report.profile;
  return [
    {
      scenario: `ceiling (Express + pg, 1 SELECT by PK, ${report.connections.ceiling} conns)`,
      measured: `${rps(ceiling)}, p50 ${ms(med(report.ceiling, (r) => r.p50))}, p99 ${ms(med(report.ceiling, (r) => r.p99))}`,
      bar: 'reference',
    },
    {
      scenario: `read: GET /progress/current-stage (${report.connections.read} conns, ${p.readTokens} learner tokens)`,
      measured: `${rps(read)} = ${x(read / ceiling)} ceiling, p50 ${ms(med(report.read, (r) => r.p50))}, p99 ${ms(readP99)}`,
      bar: '≥ 0.50× ceiling',
      met: read / ceiling >= 0.5,
    },
    {
      scenario: `exam cycle: untimed level start + submit (${report.connections.exam} conns)`,
      measured: `${(cycleCalls / 2).toFixed(0)} cycles/s = ${rps(cycleCalls)} = ${x(cycleCalls / ceiling)} ceiling, p50 ${ms(med(report.cycles, (r) => r.p50))}, p99 ${ms(cycleP99)}`,
      bar: '≥ 0.15× ceiling (per HTTP call)',
      met: cycleCalls / ceiling >= 0.15,
    },
    {
      scenario: `autosave: PUT /exams/level/{id}/answers, one answer (${report.connections.exam} conns)`,
      measured: `p50 ${ms(med(report.saves, (r) => r.p50))} beside a read's ${ms(med(report.readsBesideSaves, (r) => r.p50))} = ${x(med(report.saves, (r) => r.p50) / med(report.readsBesideSaves, (r) => r.p50))}; ${rps(med(report.saves, (r) => r.rps))}, p99 ${ms(med(report.saves, (r) => r.p99))}`,
      bar: 'reported (a save beside a read)',
    },
    {
      scenario: `login under load: read + logins at full speed (${report.connections.login} conns, argon2id m=19 MiB t=2)`,
      measured: `read p99 ${ms(readP99)} alone → ${ms(underP99)} = ${x(underP99 / readP99)}; ${logins.toFixed(1)} logins/s; read ${rps(med(report.readUnderLogin, (r) => r.rps))}`,
      bar: 'read p99 ≤ 2× alone',
      met: underP99 / readP99 <= 2,
    },
    {
      scenario: `bank scale: exam start p50, ${report.bankSmallSize} vs ${p.bankLarge.toLocaleString('en-US')} active questions/module`,
      measured: `${ms(bankSmall)} → ${ms(bankLarge)} = ${x(bankLarge / bankSmall)}`,
      bar: '≤ 1.5×',
      met: bankLarge / bankSmall <= 1.5,
    },
    {
      scenario: `learner scale: read p50, ${p.learnersSmall} vs ${p.learnersLarge.toLocaleString('en-US')} learners`,
      measured: `${ms(med(smallRead, (r) => r.p50))} → ${ms(med(largeRead, (r) => r.p50))} = ${x(readScale)}`,
      bar: '≤ 1.3×',
      met: readScale <= 1.3,
    },
    {
      scenario: `learner scale: eligibility p50, ${p.learnersSmall} vs ${p.learnersLarge.toLocaleString('en-US')} learners`,
      measured: `${ms(med(smallEligibility, (r) => r.p50))} → ${ms(med(largeEligibility, (r) => r.p50))} = ${x(eligibilityScale)}`,
      bar: '≤ 1.3×',
      met: eligibilityScale <= 1.3,
    },
    ...itemStatisticsRows(report),
    ...(report.webApp === undefined ? [] : webAppRows(report.webApp)),
    {
      scenario: 'memory: server peak RSS over the whole bench, web app served to Chromium',
      measured: `${peakMib.toFixed(0)} MiB (${report.memory.source})`,
      bar: '≤ 250 MB',
      met: peakMib * 1.048576 <= 250,
    },
  ];
}

function itemStatisticsRows(report: BenchReport): Row[] {
  const items = report.itemStatistics;
  if (items === undefined) return [];
  const small = med(items.readSmall, (r) => r.p50);
  const large = med(items.readLarge, (r) => r.p50);
  const withUpkeep = med(items.cycleWithUpkeep, (r) => r.rps);
  const withoutUpkeep = med(items.cycleWithoutUpkeep, (r) => r.rps);
  const p = report.profile;
  return [
    {
      scenario: `item statistics: GET /admin/modules/{id}/item-statistics p50, ${items.answersSmall.toLocaleString('en-US')} vs ${items.answersLarge.toLocaleString('en-US')} answers (${p.learnersSmall} vs ${p.learnersLarge.toLocaleString('en-US')} learners, ${ITEM_STATISTICS_CONNECTIONS} conns)`,
      measured: `${ms(small)} → ${ms(large)} = ${x(large / small)}`,
      bar: '≤ 1.5×',
      met: large / small <= 1.5,
    },
    {
      scenario: `item-statistics upkeep: exam cycle with it vs an upkeep-free twin (${report.connections.exam} conns, runs paired)`,
      measured: `${rps(withUpkeep)} vs ${rps(withoutUpkeep)} = ${x(withUpkeep / withoutUpkeep)}, p50 ${ms(med(items.cycleWithUpkeep, (r) => r.p50))} vs ${ms(med(items.cycleWithoutUpkeep, (r) => r.p50))}`,
      bar: '≥ 0.90× (within noise)',
      met: withUpkeep / withoutUpkeep >= 0.9,
    },
  ];
}

/**
 * The deployment variants, each beside the direct baseline measured in the same interleaved runs:
 * references (no bar) apart from the metrics' cost, which must stay within the runs' own noise.
 */
function topologyRows(report: BenchReport): Row[] {
  const t = report.topology;
  if (t === undefined) return [];
  const ceiling = med(report.ceiling, (r) => r.rps);
  const figure = (results: readonly LoadResult[], baseline: readonly LoadResult[]) => {
    const rate = med(results, (r) => r.rps);
    return `${rps(rate)} = ${x(rate / med(baseline, (r) => r.rps))} direct = ${x(rate / ceiling)} ceiling, p50 ${ms(med(results, (r) => r.p50))}, p99 ${ms(med(results, (r) => r.p99))}`;
  };
  const readOn = med(t.read.direct, (r) => r.rps);
  const readOff = med(t.read.metricsOff, (r) => r.rps);
  // The noise of the baseline itself: how far its runs lie from their median.
  const noise = Math.max(0, ...t.read.direct.map((r) => Math.abs(r.rps - readOn) / readOn));
  const cost = 1 - readOn / readOff;
  return [
    {
      scenario: 'read direct (baseline of the rows below, interleaved runs)',
      measured: figure(t.read.direct, t.read.direct),
      bar: 'reference',
    },
    {
      scenario: `read through ${t.pgbouncer}, transaction mode, prepared statements off`,
      measured: figure(t.read.pgbouncer, t.read.direct),
      bar: 'reference',
    },
    {
      scenario: 'read direct, prepared statements off',
      measured: figure(t.read.unprepared, t.read.direct),
      bar: 'reference',
    },
    {
      scenario: 'read direct, metrics off (METRICS_ENABLED=false)',
      measured: `${figure(t.read.metricsOff, t.read.direct)}; metrics cost ${(cost * 100).toFixed(1)} % of read throughput, run-to-run noise ±${(noise * 100).toFixed(1)} %`,
      bar: 'cost ≤ noise (or ≤ 5 %)',
      met: cost <= Math.max(noise, 0.05),
    },
    {
      scenario: 'exam cycle direct (baseline, interleaved runs)',
      measured: figure(t.cycle.direct, t.cycle.direct),
      bar: 'reference',
    },
    {
      scenario: `exam cycle through ${t.pgbouncer}, prepared statements off`,
      measured: figure(t.cycle.pgbouncer, t.cycle.direct),
      bar: 'reference',
    },
    {
      scenario: 'exam cycle direct, prepared statements off',
      measured: figure(t.cycle.unprepared, t.cycle.direct),
      bar: 'reference',
    },
  ];
}

function verdict(row: Row, judged: boolean): string {
  if (row.met === undefined) return '—';
  if (!judged) return 'not judged (quick)';
  return row.met ? 'met' : 'NOT met';
}

function textTable(headers: string[], body: string[][]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' │ ');
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...body.map(line)].join('\n');
}

function runsTable(report: BenchReport): string {
  const series: [string, LoadResult[]][] = [
    ['ceiling', report.ceiling],
    ['read', report.read],
    ['read under logins', report.readUnderLogin],
    ['logins', report.logins],
    ['exam cycle (per call)', report.cycles],
    ['autosave (one answer)', report.saves],
    ['read beside autosave', report.readsBesideSaves],
    [`read @ ${report.profile.learnersSmall} learners`, report.learnerScale.smallRead],
    [`eligibility @ ${report.profile.learnersSmall} learners`, report.learnerScale.smallEligibility],
    [`eligibility @ ${report.profile.learnersLarge} learners`, report.learnerScale.largeEligibility],
    [`exam start @ ${report.bankSmallSize}/module`, report.bankScale.small],
    [`exam start @ ${report.profile.bankLarge}/module`, report.bankScale.large],
    ...(report.itemStatistics === undefined
      ? []
      : ([
          [`item statistics @ ${report.itemStatistics.answersSmall} answers`, report.itemStatistics.readSmall],
          [`item statistics @ ${report.itemStatistics.answersLarge} answers`, report.itemStatistics.readLarge],
          ['exam cycle with upkeep (per call)', report.itemStatistics.cycleWithUpkeep],
          ['exam cycle, upkeep-free twin (per call)', report.itemStatistics.cycleWithoutUpkeep],
        ] as [string, LoadResult[]][])),
    ...(report.topology === undefined
      ? []
      : ([
          ['topology: read direct', report.topology.read.direct],
          ['topology: read through PgBouncer', report.topology.read.pgbouncer],
          ['topology: read, prepared statements off', report.topology.read.unprepared],
          ['topology: read, metrics off', report.topology.read.metricsOff],
          ['topology: exam cycle direct', report.topology.cycle.direct],
          ['topology: exam cycle through PgBouncer', report.topology.cycle.pgbouncer],
          ['topology: exam cycle, prepared statements off', report.topology.cycle.unprepared],
        ] as [string, LoadResult[]][])),
  ];
  const lines = ['| series | run | ok responses | req/s | p50 | p99 | unexpected |', '|---|---|---|---|---|---|---|'];
  for (const [name, results] of series) {
    results.forEach((result, i) => {
      const failures = Object.keys(result.failures).length === 0 ? '' : JSON.stringify(result.failures);
      lines.push(
        `| ${name} | ${i + 1} | ${result.ok} | ${result.rps.toFixed(1)} | ${ms(result.p50)} | ${ms(result.p99)} | ${failures} |`,
      );
    });
  }
  return lines.join('\n');
}

/** How the item-statistics rows are measured (docs/benchmarks.md keeps it beside the numbers). */
const ITEM_STATISTICS_METHOD = `## Item statistics

- **Read scale**: \`GET /admin/modules/{id}/item-statistics\` by the bench's admin over the default track's modules,
  ${ITEM_STATISTICS_CONNECTIONS} connections (an admin console's load), once with the small learner set's answers in the
  statistics and once with the large set's (and every exam cycle's). The bench writes its learners' answers
  set-based, past the submit use case, so test/bench/sql/item-statistics.sql folds every submitted answer into the
  stripes exactly as submits do (x, rest score, attempt id mod 8). The read adds up at most 8 stripe rows per
  question and option, so its cost follows the module's bank, not the number of answers.
- **Upkeep**: the exam cycle (level start + submit, failing answers) against the built server and against an
  *upkeep-free twin*: a copy of the same build in a temporary tree whose fold statement
  (\`assessment/item-statistics.fold\`) takes the same parameters and does nothing. The runs
  alternate, same database, same learners. The twin still sends the statement, so the difference is the fold's
  database work and lock waits under 20 concurrent submits; its round trip per submit is in the round-trip
  table below. The bar: the cycle with the upkeep keeps at least 0.9 × the twin's throughput, about the run-to-run
  spread of the cycle on this machine.
`;

/** `analysis`: hand-written findings (test/bench/analysis.md), dated by their author, shown after the results. */
export function renderReport(report: BenchReport, analysis?: string): { table: string; markdown: string } {
  const judged = report.profile.name === 'full';
  const summary = rows(report);
  const topology = topologyRows(report);
  const table = textTable(
    ['scenario', 'measured (medians)', 'bar', 'verdict'],
    [...summary, ...topology].map((row) => [row.scenario, row.measured, row.bar, verdict(row, judged)]),
  );
  const trips = textTable(
    ['endpoint', 'SQL round trips / request'],
    report.roundTrips.map((row) => [row.endpoint, String(row.perRequest)]),
  );
  const m = report.machine;

  const markdown = `# Benchmarks

Generated by \`npm run bench\` (test/bench/run.ts) — do not edit by hand; re-run the bench instead.
Every number below comes from one run of the bench on
one machine; only the **ratios** (taken in the same run) are comparable across machines.

- date: ${report.date}
- commit: ${report.commit}
- machine: ${m.cores} cores (${m.cpuModel}), ${mib(m.totalMemBytes)} memory; load average at the end ${m.loadAverage.map((v) => v.toFixed(2)).join(' / ')} (the machine is shared)
- Node ${m.node}, PostgreSQL ${m.postgres} on the same machine
- server: the built \`dist/src/main.js\`, NODE_ENV=production, APP_ENV=production, LOG_LEVEL=warn, DB_POOL_MAX=${report.poolMax} (2 × cores + 1), login rate limits off, argon2id m=19456 KiB t=2 p=1
- ceiling: Express 5 + pg in its own process, same pool size, \`SELECT … FROM users WHERE id = $1\` on a random learner
- ${report.profile.runs} measured run(s) of ${report.profile.seconds} s per duration scenario (after a warm-up), exam-start runs of ${report.profile.startsPerRun} starts each; medians reported
- data: ${report.profile.learnersLarge.toLocaleString('en-US')} learners written set-based in ${report.learnerLoadSeconds.toFixed(1)} s (incl. VACUUM ANALYZE), bank grown to ${report.profile.bankLarge.toLocaleString('en-US')} active questions/module in ${report.bankLoadSeconds.toFixed(1)} s; bench wall time ${report.totalSeconds.toFixed(0)} s

## Results

| scenario | measured (medians) | bar | verdict |
|---|---|---|---|
${summary.map((row) => `| ${row.scenario} | ${row.measured} | ${row.bar} | ${verdict(row, judged)} |`).join('\n')}

${
  topology.length === 0
    ? ''
    : `## Topology: PgBouncer, prepared statements, metrics

The same built server in three more processes on the same database — through a transaction-mode PgBouncer
(its pool as large as the server's, prepared statements off as they must be there), direct with prepared
statements off, direct with metrics off — loaded like the read and exam-cycle scenarios above, in runs
interleaved with the baseline's (test/bench/topology-scenarios.ts). Ratios are to that baseline.

| scenario | measured (medians) | bar | verdict |
|---|---|---|---|
${topology.map((row) => `| ${row.scenario} | ${row.measured} | ${row.bar} | ${verdict(row, judged)} |`).join('\n')}
`
}
${report.problems.length > 0 ? `**The harness saw unexpected answers:**\n\n${report.problems.map((p) => `- ${p}`).join('\n')}\n` : ''}
### Every run

${runsTable(report)}

${analysis === undefined ? '' : `${analysis.trim()}\n\n`}${ITEM_STATISTICS_METHOD}
${report.itemStatistics === undefined ? '' : `The large point's set-based fold took ${report.itemStatistics.foldSeconds.toFixed(1)} s (data set-up, not load).\n\n`}## What the learners look like

Every bench learner is in the same reachable state (test/bench/sql/bench-data.sql): trainee 0
completed (diagnostika 15/20, reading done, level exam passed, rank transition approved), junior 1
active with its reading done and one failed level exam — eligible to start the level exam again.
The exam cycle answers 8 of 20 right, so every cycle fails and the learner may start again.

| table | rows at the end |
|---|---|
${report.tableSizes.map((t) => `| ${t.relname} | ${t.rows.toLocaleString('en-US')} |`).join('\n')}

## SQL round trips per request

Counted on the wire by a proxy between a second server process and PostgreSQL (test/bench/pg-wire-counter.ts):
one round trip per simple query (BEGIN, COMMIT, SET LOCAL) and per extended-protocol Sync (one prepared statement).

| endpoint | round trips | what they are |
|---|---|---|
${report.roundTrips.map((row) => `| ${row.endpoint} | ${row.perRequest} | ${row.statements.join(' → ')} |`).join('\n')}

## Query plans (EXPLAIN (ANALYZE, BUFFERS)) at ${report.profile.learnersLarge.toLocaleString('en-US')} learners and ${report.profile.bankLarge.toLocaleString('en-US')} questions/module

The exact statements and parameters of one real request each (captured on the wire), prepared and
executed five times first so PostgreSQL picks the custom or generic plan as it does for the server's
named statements, then explained inside a rolled-back transaction.

${report.plans
  .map(
    (endpoint) =>
      `### ${endpoint.endpoint}\n\n${endpoint.plans.map((plan) => `#### \`${plan.statement}\`\n\n\`\`\`text\n${plan.plan}\n\`\`\``).join('\n\n')}`,
  )
  .join('\n\n')}
`;
  return { table: `${table}\n\n${trips}`, markdown };
}
