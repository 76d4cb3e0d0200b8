// The benchmark's Markdown report: one table per kind of measurement, direct, peer and project side by side, and
// each of the issue's targets said met or not met from this run's numbers.
import { hostileTable, type HostileResult, type ReplayResult } from './abuse.js';
import { ms, percentile, summarize, type Summary } from './stats.js';
import type { CommandCounts, TargetName } from './targets.js';
import { WATERFALL_STEPS, type WaterfallRow } from './waterfall.js';

export interface PhaseRow {
  phase: string;
  target: TargetName;
  concurrency: number;
  requests: number;
  errors: number;
  ttft: number[];
  total: number[];
  seconds: number;
}

export interface CountsRow {
  phase: string;
  target: TargetName;
  role: string;
  requests: number;
  counts: CommandCounts;
  cpuMs: number;
}

/** PostgreSQL transactions (pg_stat_database) over a phase's measured blocks of one target. */
export interface TransactionsRow {
  phase: string;
  target: TargetName;
  requests: number;
  transactions: number;
}

export interface LedgerRow {
  phase: string;
  target: TargetName;
  rows: number;
}

export interface BenchResults {
  machine: Record<string, unknown>;
  command: string;
  phases: PhaseRow[];
  rps: Array<{ phase: string; target: TargetName; rps: number; errors: number }>;
  counts: CountsRow[];
  transactions: TransactionsRow[];
  ledger: LedgerRow[];
  waterfalls: WaterfallRow[];
  scriptNames: Record<string, string>;
  slow: Array<{
    target: TargetName;
    streams: number;
    complete: number;
    errors: number;
    seconds: number;
    rss_mb: Record<string, number>;
  }>;
  hostile?: HostileResult[];
  replay?: ReplayResult | null;
  audit?: Array<{
    target: TargetName;
    requests: number;
    missing: number;
    duplicated: number;
    mismatched: number;
    tokens_received: number;
    tokens_settled: number;
  }>;
}

const MONGO_READS = new Set(['find', 'aggregate', 'count', 'distinct', 'getMore', 'findAndModify']);
const PROJECTS: TargetName[] = ['split', 'single', 'split-cluster', 'single-cluster'];

interface Merged {
  requests: number;
  errors: number;
  ttft: Summary;
  total: Summary;
}

/** Blocks of one phase and target merged: percentiles over every request of every block. */
function merge(rows: PhaseRow[]): Map<string, Map<TargetName, Merged>> {
  const phases = new Map<string, Map<TargetName, PhaseRow[]>>();
  for (const row of rows) {
    const byTarget = phases.get(row.phase) ?? new Map<TargetName, PhaseRow[]>();
    byTarget.set(row.target, [...(byTarget.get(row.target) ?? []), row]);
    phases.set(row.phase, byTarget);
  }
  return new Map(
    [...phases].map(([phase, byTarget]) => [
      phase,
      new Map(
        [...byTarget].map(([target, group]) => [
          target,
          {
            requests: group.reduce((s, g) => s + g.requests, 0),
            errors: group.reduce((s, g) => s + g.errors, 0),
            ttft: summarize(group.flatMap((g) => g.ttft)),
            total: summarize(group.flatMap((g) => g.total)),
          },
        ]),
      ),
    ]),
  );
}

const perRequest = (value: number, requests: number) => (requests ? value / requests : Number.NaN);
const fmt = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const table = (header: string[], rows: string[][]) => [
  `| ${header.join(' | ')} |`,
  `|${header.map(() => '---').join('|')}|`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
];

function latencyTable(merged: Map<string, Map<TargetName, Merged>>): string[] {
  const rows: string[][] = [];
  for (const [phase, byTarget] of merged) {
    const direct = byTarget.get('direct');
    const peer = byTarget.get('peer');
    for (const [target, m] of byTarget) {
      const added50 = direct ? m.ttft.p50 - direct.ttft.p50 : Number.NaN;
      const added99 = direct ? m.ttft.p99 - direct.ttft.p99 : Number.NaN;
      const peerAdded99 = direct && peer ? peer.ttft.p99 - direct.ttft.p99 : Number.NaN;
      const ratio = target === 'direct' || target === 'peer' ? '' : fmt(added99 / peerAdded99);
      rows.push([
        phase,
        target,
        String(m.requests),
        String(m.errors),
        ms(m.ttft.p50),
        ms(m.ttft.p99),
        target === 'direct' ? '' : `+${ms(added50)}`,
        target === 'direct' ? '' : `+${ms(added99)}`,
        ratio,
        ms(m.total.p50),
        ms(m.total.p99),
      ]);
    }
  }
  return table(
    [
      'phase',
      'target',
      'requests',
      'errors',
      'TTFT p50',
      'TTFT p99',
      'added p50',
      'added p99',
      "added p99 ÷ peer's",
      'total p50',
      'total p99',
    ],
    rows,
  );
}

function countsTable(counts: CountsRow[], names: Record<string, string>): string[] {
  const describe = (table: Record<string, number>, requests: number, pick: (name: string) => boolean) =>
    Object.entries(table)
      .filter(([name]) => pick(name))
      .sort((a, b) => b[1] - a[1])
      .map(([name, n]) => `${name} ${fmt(perRequest(n, requests))}`)
      .join(', ') || '0';
  const totals = new Map<string, CountsRow>();
  for (const c of counts) {
    const key = `${c.phase}|${c.target}`;
    const total = totals.get(key) ?? {
      ...c,
      role: '(all of these)',
      counts: { redis: {}, redisRoundTrips: 0, mongo: {} },
      cpuMs: 0,
    };
    total.cpuMs += c.cpuMs;
    totals.set(key, total);
  }
  const rows = [...counts];
  for (const total of totals.values())
    rows.splice(rows.map((r) => `${r.phase}|${r.target}`).lastIndexOf(`${total.phase}|${total.target}`) + 1, 0, total);
  return table(
    [
      'phase',
      'target',
      'process ((name): shared service, all its processes)',
      'MongoDB commands / request',
      'Redis commands / request',
      'Redis round trips / request',
      'Redis bytes out / in per request',
      'Lua and BullMQ scripts / request (BullMQ scripts by queue)',
      'CPU ms / request',
    ],
    rows.map((c) => {
      const redisTotal = Object.values(c.counts.redis).reduce((a, b) => a + b, 0);
      if (c.role.startsWith('('))
        return [c.phase, c.target, c.role, '', '', '', '', '', fmt(perRequest(c.cpuMs, c.requests))];
      return [
        c.phase,
        c.target,
        c.role,
        describe(c.counts.mongo, c.requests, () => true),
        fmt(perRequest(redisTotal, c.requests)),
        fmt(perRequest(c.counts.redisRoundTrips, c.requests)),
        `${fmt(perRequest(c.counts.redisBytesOut ?? Number.NaN, c.requests), 0)} / ${fmt(perRequest(c.counts.redisBytesIn ?? Number.NaN, c.requests), 0)}`,
        describe(scriptsByName(c.counts.redis, names), c.requests, () => true),
        fmt(perRequest(c.cpuMs, c.requests)),
      ];
    }),
  );
}

/** The `script <sha>[@queue]` counts, keyed by the script's name where a process learnt it, and its queue. */
function scriptsByName(redis: Record<string, number>, names: Record<string, string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, n] of Object.entries(redis)) {
    if (!name.startsWith('script ')) continue;
    const [sha, queue] = name.slice('script '.length).split('@') as [string, string | undefined];
    const label = `${names[sha] ?? sha.slice(0, 12)}${queue ? ` (${queue})` : ''}`;
    out[label] = (out[label] ?? 0) + n;
  }
  return out;
}

function verdicts(r: BenchResults, merged: Map<string, Map<TargetName, Merged>>): string[] {
  const lines: string[] = [];
  const say = (met: boolean, text: string) => lines.push(`- ${met ? 'met' : 'NOT met'}: ${text}`);
  const seq = merged.get('sequential');
  for (const target of PROJECTS) {
    const m = seq?.get(target);
    const direct = seq?.get('direct');
    if (m && direct) {
      const a50 = m.ttft.p50 - direct.ttft.p50;
      const a99 = m.ttft.p99 - direct.ttft.p99;
      say(
        a50 <= 3 && a99 <= 10,
        `${target}, one user sequential, settlement on: added TTFT p50 ${ms(a50)} ms (≤ 3), p99 ${ms(a99)} ms (≤ 10)`,
      );
    }
  }
  for (const phase of ['c32', 'c256']) {
    const byTarget = merged.get(phase);
    const direct = byTarget?.get('direct');
    const peer = byTarget?.get('peer');
    if (!byTarget || !direct || !peer) continue;
    for (const target of PROJECTS) {
      const m = byTarget.get(target);
      if (!m) continue;
      const added = m.ttft.p99 - direct.ttft.p99;
      const peerAdded = peer.ttft.p99 - direct.ttft.p99;
      say(
        added <= peerAdded && m.errors === 0,
        `${target}, ${phase}: added TTFT p99 ${ms(added)} ms vs the peer's ${ms(peerAdded)} ms, errors ${m.errors}`,
      );
    }
  }
  const rpsOf = (phase: string, target: TargetName) => r.rps.find((x) => x.phase === phase && x.target === target);
  const peerRps = rpsOf('rps', 'peer')?.rps;
  for (const target of PROJECTS) {
    const fresh = rpsOf('rps', target);
    const grown = rpsOf('growth rps', target);
    const rows = r.ledger.find((l) => l.phase === 'growth rps' && l.target === target)?.rows;
    if (fresh && grown)
      say(
        grown.rps >= 0.9 * fresh.rps && grown.errors === 0,
        `${target}, non-streaming throughput with a ${rows}-row ledger ${fmt(grown.rps, 0)} req/s = ${fmt(grown.rps / fresh.rps)} × the fresh run's ${fmt(fresh.rps, 0)} (≥ 0.9)`,
      );
  }
  for (const t of r.transactions.filter((row) => row.phase === 'sequential'))
    say(
      t.transactions / t.requests <= 1.5,
      `${t.target}, PostgreSQL transactions per chat request, sequential: ${fmt(t.transactions / t.requests)} (≤ 1.5)`,
    );
  for (const target of PROJECTS) {
    const own = rpsOf('rps', target);
    if (own && peerRps)
      say(
        own.rps >= 1.5 * peerRps && own.errors === 0,
        `${target}, non-streaming throughput ${fmt(own.rps, 0)} req/s = ${fmt(own.rps / peerRps)} × the peer's ${fmt(peerRps, 0)} (≥ 1.5)`,
      );
  }
  for (const c of r.counts.filter(
    (row) => row.phase === 'sequential' && (row.role === 'web' || row.role === 'all' || row.role === 'worker'),
  )) {
    const reads = Object.entries(c.counts.mongo)
      .filter(([name]) => MONGO_READS.has(name))
      .reduce((s, [, n]) => s + n, 0);
    say(
      reads === 0,
      `${c.target} ${c.role}: MongoDB reads per request in steady state ${fmt(perRequest(reads, c.requests))} (${c.requests} requests)`,
    );
  }
  for (const s of r.slow) {
    const webRss = s.rss_mb.web ?? s.rss_mb.all ?? Number.NaN;
    say(
      s.errors === 0 && webRss < 400,
      `${s.target}, ${s.streams} concurrent slow streams: ${s.errors} errors, web RSS peak ${webRss} MB (< 400)`,
    );
  }
  for (const a of r.audit ?? []) {
    say(
      a.missing === 0 && a.duplicated === 0 && a.mismatched === 0,
      `${a.target}, every token settled once: ${a.requests} requests, missing ${a.missing}, duplicated ${a.duplicated}, mismatched ${a.mismatched}, tokens received ${a.tokens_received}, settled ${a.tokens_settled}`,
    );
  }
  return lines;
}

/** What running a topology on the Redis Cluster costs beside the single Redis, from the same run's blocks. */
function clusterCost(r: BenchResults, merged: Map<string, Map<TargetName, Merged>>): string[] {
  const rows: string[][] = [];
  const redisOf = (phase: string, target: TargetName, role: string) => {
    const c = r.counts.find((x) => x.phase === phase && x.target === target && x.role === role);
    if (!c) return undefined;
    const commands = Object.values(c.counts.redis).reduce((a, b) => a + b, 0);
    const bytes = (c.counts.redisBytesOut ?? 0) + (c.counts.redisBytesIn ?? 0);
    return { commands: commands / c.requests, bytes: bytes / c.requests, cpu: c.cpuMs / c.requests };
  };
  for (const topology of ['split', 'single'] as const) {
    const clustered = `${topology}-cluster` as const;
    for (const [phase, byTarget] of merged) {
      const one = byTarget.get(topology);
      const many = byTarget.get(clustered);
      const direct = byTarget.get('direct');
      if (!one || !many) continue;
      const added = (m: Merged, p: 'p50' | 'p99') => m.ttft[p] - (direct?.ttft[p] ?? 0);
      rows.push([
        phase,
        topology,
        'added TTFT p50 / p99 (ms)',
        `+${ms(added(one, 'p50'))} / +${ms(added(one, 'p99'))}`,
        `+${ms(added(many, 'p50'))} / +${ms(added(many, 'p99'))}`,
      ]);
    }
    for (const phase of new Set(r.rps.map((x) => x.phase))) {
      const one = r.rps.find((x) => x.phase === phase && x.target === topology);
      const many = r.rps.find((x) => x.phase === phase && x.target === clustered);
      if (one && many)
        rows.push([phase, topology, 'req/s', fmt(one.rps, 0), `${fmt(many.rps, 0)} (${fmt(many.rps / one.rps)}×)`]);
    }
    for (const c of r.counts.filter((x) => x.target === topology && !x.role.startsWith('('))) {
      const one = redisOf(c.phase, topology, c.role);
      const many = redisOf(c.phase, clustered, c.role);
      if (!one || !many) continue;
      rows.push([
        c.phase,
        `${topology} ${c.role}`,
        'Redis commands / bytes / CPU ms per request',
        `${fmt(one.commands, 1)} / ${fmt(one.bytes, 0)} / ${fmt(one.cpu)}`,
        `${fmt(many.commands, 1)} / ${fmt(many.bytes, 0)} / ${fmt(many.cpu)}`,
      ]);
    }
  }
  if (!rows.length) return [];
  return [
    'Single Redis beside the Redis Cluster (same run, alternating blocks):',
    '',
    ...table(['phase', 'topology', 'measure', 'single Redis', 'Redis Cluster'], rows),
    '',
  ];
}

export function report(r: BenchResults): string {
  const merged = merge(r.phases);
  const lines: string[] = [
    `command: \`${r.command}\``,
    '',
    'Targets:',
    ...verdicts(r, merged),
    '',
    ...clusterCost(r, merged),
  ];
  if (r.phases.length)
    lines.push(
      'Streaming, time to first token and total time (ms; added = minus direct at the same percentile):',
      '',
      ...latencyTable(merged),
      '',
    );
  if (r.rps.length) {
    const peer = r.rps.find((x) => x.phase === 'rps' && x.target === 'peer')?.rps;
    lines.push(
      'Non-streaming, concurrency 64:',
      '',
      ...table(
        ['phase', 'target', 'req/s', '× peer', 'errors'],
        r.rps.map((x) => [x.phase, x.target, fmt(x.rps, 0), peer ? fmt(x.rps / peer) : '', String(x.errors)]),
      ),
      '',
    );
  }
  if (r.counts.length)
    lines.push(
      'Per request, per process (sequential: streaming, steady state, one user; rps: non-streaming at c=64):',
      '',
      ...countsTable(r.counts, r.scriptNames),
      '',
    );
  if (r.transactions.length || r.ledger.length)
    lines.push(
      "Ledger rows at each phase start, and PostgreSQL transactions per request (pg_stat_database of FerretDB's database, usage queue drained):",
      '',
      ...table(
        ['phase', 'target', 'ledger rows at start', 'requests', 'transactions', 'transactions / request'],
        r.ledger.map((l) => {
          const t = r.transactions.find((x) => x.phase === l.phase && x.target === l.target);
          return [
            l.phase,
            l.target,
            String(l.rows),
            t ? String(t.requests) : '',
            t ? String(t.transactions) : '',
            t ? fmt(perRequest(t.transactions, t.requests)) : '',
          ];
        }),
      ),
      '',
    );
  if (r.waterfalls.length)
    lines.push(
      'Time to first token step by step, one user sequential (medians, ms, from the request record and the client):',
      '',
      ...table(
        ['phase', 'target', 'requests', 'incomplete records', ...WATERFALL_STEPS],
        r.waterfalls.map((w) => [
          w.phase,
          w.target,
          String(w.requests),
          String(w.incomplete),
          ...w.medians.map((m) => fmt(m, 1)),
        ]),
      ),
      '',
    );
  if (r.slow.length)
    lines.push(
      'Slow streams:',
      '',
      ...table(
        ['target', 'streams', 'complete', 'errors', 'seconds', 'peak RSS MB'],
        r.slow.map((s) => [
          s.target,
          String(s.streams),
          String(s.complete),
          String(s.errors),
          fmt(s.seconds, 1),
          JSON.stringify(s.rss_mb),
        ]),
      ),
      '',
    );
  if (r.hostile)
    lines.push(
      'Hostile prompts on the split topology, one at a time (CPU from /proc/<pid>/stat):',
      '',
      ...hostileTable(r.hostile),
      '',
    );
  if (r.replay) lines.push(`Replay abuse on the split topology: ${JSON.stringify(r.replay)}`, '');
  lines.push(`machine: ${JSON.stringify(r.machine)}`);
  return lines.join('\n');
}

/** The results with latency samples reduced to percentiles, for test-output/bench.json. */
export function summarized(r: BenchResults): unknown {
  return {
    ...r,
    phases: r.phases.map((p) => ({
      ...p,
      ttft: summarize(p.ttft),
      total: summarize(p.total),
      ttft_p90: percentile(p.ttft, 90),
    })),
  };
}
