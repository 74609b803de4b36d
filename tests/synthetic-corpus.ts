/**
 * A synthetic corpus of valid postmortems for benchmarks and scale tests:
 * realistic spread of severities, services, tags, triggers, durations, time
 * zones, action items and related links, and bodies of a few hundred words.
 * The same seed always writes the same files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What to generate. */
export interface SyntheticCorpusOptions {
  /** Folder to write into (created if missing). */
  dir: string;
  count: number;
  /** Default 1. */
  seed?: number;
  /** Incidents start before this instant. Default 2024-06-01T00:00Z, the tests' build date. */
  end?: Date;
  /** Incidents spread over this many years before `end`. Default 4. */
  years?: number;
}

/** A small deterministic generator (mulberry32), so a corpus can be rebuilt exactly. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SEVERITIES = [
  ['SEV1', 5],
  ['SEV2', 15],
  ['SEV3', 35],
  ['SEV4', 30],
  ['SEV5', 15],
] as const;
/** Zones without daylight saving, so a local time and its offset are simple to write. */
const ZONES = [
  { zone: 'UTC', offsetMinutes: 0, written: 'Z' },
  { zone: 'Asia/Tokyo', offsetMinutes: 540, written: '+09:00' },
  { zone: 'Asia/Kolkata', offsetMinutes: 330, written: '+05:30' },
  { zone: 'America/Bogota', offsetMinutes: -300, written: '-05:00' },
];
const SERVICES = Array.from({ length: 40 }, (_, index) => `service-${String(index + 1).padStart(2, '0')}`);
const TAGS = ['postgres', 'redis', 'kafka', 'dns', 'tls', 'config', 'deploy', 'capacity', 'kubernetes', 'cdn', 'cache', 'timeout', 'retries', 'memory-leak', 'feature-flag', 'third-party', 'network', 'disk', 'cron', 'migration'].flatMap((tag) => [tag, `${tag}-2`, `${tag}-3`, `${tag}-4`]);
const TRIGGERS = ['deploy', 'config-change', 'traffic-surge', 'dependency-failure', 'infrastructure', 'expired-credential', 'hardware', 'unknown'];
const DETECTIONS = ['monitoring-alert', 'engineer-noticed', 'customer-report', 'automated-test'];
const OWNERS = Array.from({ length: 25 }, (_, index) => `Team ${String.fromCharCode(65 + index)}`);
const STATUSES = [
  ['open', 30],
  ['in-progress', 15],
  ['done', 45],
  ['wont-do', 10],
] as const;
const WORDS =
  'the service returned errors after a change to its configuration because a limit was reached and requests queued until the pool drained while engineers investigated dashboards logs and traces before rolling back and confirming recovery with customers'.split(
    ' ',
  );

/** `YYYY-MM-DDTHH:MM:00±HH:MM` for `instant` as seen at a fixed offset. */
function localDateTime(instant: Date, zone: (typeof ZONES)[number]): string {
  const local = new Date(instant.getTime() + zone.offsetMinutes * 60_000).toISOString().slice(0, 16);
  return `${local}:00${zone.written}`;
}

/**
 * Writes `count` postmortems into `dir` and returns their ids, oldest first.
 * Every file passes the schema and the build's rules.
 */
export async function writeSyntheticCorpus({ dir, count, seed = 1, end = new Date('2024-06-01T00:00:00Z'), years = 4 }: SyntheticCorpusOptions): Promise<string[]> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const weighted = <T>(list: readonly (readonly [T, number])[]): T => {
    let roll = next() * list.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [value, weight] of list) if ((roll -= weight) < 0) return value;
    return list.at(-1)![0];
  };
  const some = <T>(list: readonly T[], min: number, max: number): T[] => [...new Set(Array.from({ length: min + Math.floor(next() * (max - min + 1)) }, () => pick(list)))];
  const sentence = () => {
    const words = Array.from({ length: 12 + Math.floor(next() * 10) }, () => pick(WORDS)).join(' ');
    return `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;
  };
  const paragraph = (sentences: number) => Array.from({ length: sentences }, sentence).join(' ');

  const span = years * 365 * 24 * 60 * 60_000;
  const starts = Array.from({ length: count }, () => new Date(end.getTime() - Math.floor(next() * span / 60_000) * 60_000)).sort((a, b) => a.getTime() - b.getTime());
  await mkdir(dir, { recursive: true });
  const ids: string[] = [];
  for (const [index, startedAt] of starts.entries()) {
    const zone = pick(ZONES);
    // Long tails, as real incidents have: mostly under two hours, some lasting a day.
    const minutes = Math.max(5, Math.round(Math.exp(2.5 + next() * 4.5)));
    const resolvedAt = new Date(startedAt.getTime() + minutes * 60_000);
    const detectedAt = next() < 0.8 ? new Date(startedAt.getTime() + Math.floor(next() * minutes * 0.3) * 60_000) : undefined;
    const mitigatedAt = next() < 0.7 ? new Date(startedAt.getTime() + Math.floor(minutes * (0.3 + next() * 0.6)) * 60_000) : undefined;
    const startedLocal = localDateTime(startedAt, zone);
    const id = `${startedLocal.slice(0, 10)}-synthetic-incident-${String(index + 1).padStart(4, '0')}`;
    const actionItems = Array.from({ length: Math.floor(next() * 5) }, (_, item) => {
      const due = new Date(startedAt.getTime() + (14 + Math.floor(next() * 120)) * 24 * 60 * 60_000).toISOString().slice(0, 10);
      const ticket = next() < 0.5 ? `\n    ticket: https://tracker.example.com/OPS-${index * 10 + item}` : '';
      return `  - title: ${sentence().slice(0, 60).trim()}\n    owner: ${pick(OWNERS)}\n    status: ${weighted(STATUSES)}\n    due: ${due}${ticket}`;
    });
    const related = ids.length > 0 && next() < 0.1 ? `related: [${ids[Math.floor(next() * ids.length)]}]\n` : '';
    const trigger = next() < 0.9 ? `trigger: ${pick(TRIGGERS)}\n` : '';
    const detection = next() < 0.9 ? `detection: ${pick(DETECTIONS)}\n` : '';
    const frontmatter = [
      `title: Synthetic incident ${index + 1} on ${startedLocal.slice(0, 10)}`,
      `summary: "${sentence()}"`,
      `severity: ${weighted(SEVERITIES)}`,
      `startedAt: "${startedLocal}"`,
      ...(detectedAt ? [`detectedAt: "${localDateTime(detectedAt, zone)}"`] : []),
      ...(mitigatedAt ? [`mitigatedAt: "${localDateTime(mitigatedAt, zone)}"`] : []),
      `resolvedAt: "${localDateTime(resolvedAt, zone)}"`,
      `timezone: ${zone.zone}`,
      `services: [${some(SERVICES, 1, 3).join(', ')}]`,
      `tags: [${some(TAGS, 0, 4).join(', ')}]`,
      `authors: [Synthetic Author]`,
      ...(actionItems.length > 0 ? ['actionItems:', ...actionItems] : []),
    ].join('\n');
    const body = [
      '## Issue summary',
      paragraph(5),
      '## Timeline',
      paragraph(6),
      '## Root cause and resolution',
      paragraph(8),
      '## Corrective and preventative measures',
      paragraph(6),
    ].join('\n\n');
    await writeFile(join(dir, `${id}.md`), `---\n${frontmatter}\n${trigger}${detection}${related}---\n\n${body}\n`);
    ids.push(id);
  }
  return ids;
}
