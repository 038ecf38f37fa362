import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

/**
 * Where the machine's CPU went during a load run, by process (Linux /proc): the server under load,
 * PostgreSQL's processes, this bench process (autocannon generates the load from it) and everything
 * else. On 2 cores all of them share the same CPUs, so a share taken by one is missing for the others.
 */
const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux this runs on

function ticksOf(pid: number | 'self'): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function postgresTicks(): number {
  let sum = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') sum += ticksOf(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return sum;
}

function machineBusyTicks(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal …: busy is all but idle and iowait.
  return cpu.reduce((sum, value) => sum + value, 0) - cpu[3]! - cpu[4]!;
}

export interface CpuSplit {
  /** Seconds of CPU each consumer used, and the share of the machine's capacity over the run. */
  readonly rows: readonly { readonly who: string; readonly seconds: number; readonly share: number }[];
}

/** Starts measuring; `stop()` answers the split since then. Linux only (elsewhere: no rows). */
export function measureCpuSplit(serverPid: number): { stop(): CpuSplit } {
  if (process.platform !== 'linux') return { stop: () => ({ rows: [] }) };
  const started = Date.now();
  const before = {
    server: ticksOf(serverPid),
    postgres: postgresTicks(),
    bench: ticksOf('self'),
    busy: machineBusyTicks(),
  };
  return {
    stop() {
      const seconds = (Date.now() - started) / 1000;
      const capacity = seconds * os.availableParallelism();
      const used = {
        server: (ticksOf(serverPid) - before.server) / TICKS_PER_SECOND,
        postgres: (postgresTicks() - before.postgres) / TICKS_PER_SECOND,
        bench: (ticksOf('self') - before.bench) / TICKS_PER_SECOND,
        busy: (machineBusyTicks() - before.busy) / TICKS_PER_SECOND,
      };
      const other = Math.max(0, used.busy - used.server - used.postgres - used.bench);
      const idle = Math.max(0, capacity - used.busy);
      const row = (who: string, value: number) => ({ who, seconds: value, share: value / capacity });
      return {
        rows: [
          row('server (node)', used.server),
          row('PostgreSQL (all its processes)', used.postgres),
          row('load generator (the bench process, autocannon)', used.bench),
          row('everything else on the machine', other),
          row('idle', idle),
        ],
      };
    },
  };
}

export function renderCpuSplit(title: string, split: CpuSplit): string {
  return [
    `| CPU during ${title} | CPU seconds | share of the machine |`,
    '|---|---|---|',
    ...split.rows.map((row) => `| ${row.who} | ${row.seconds.toFixed(1)} | ${(100 * row.share).toFixed(0)} % |`),
  ].join('\n');
}
