/**
 * A synthetic corpus of postmortems for benchmarks and scale tests, shaped like
 * a real one: the frontmatter contract in full (8 timeline entries, 3 action
 * items, impact, detection, trigger), about 550 words of body in the sections
 * `npm run new` scaffolds, services and tags drawn from realistic pools with a
 * long tail, some internal postmortems, a few drafts and in-review ones, and
 * related links. The same seed always gives the same files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { countWords } from '../../src/lib/lint/text';

/** File format of the generated postmortems. */
export type SyntheticFormat = 'md' | 'mdx';

/** What to generate. */
export interface SyntheticCorpusOptions {
  count: number;
  /** Default 1. */
  seed?: number;
  /** Incidents start before this instant. Default 2024-06-01T00:00Z, the tests' build date. */
  end?: Date;
  /** Incidents spread over this many years before `end`. Default 4. */
  years?: number;
  /** Default `md`. MDX files also carry `<Internal>` passages now and then. */
  format?: SyntheticFormat;
}

/** One generated postmortem. */
export interface SyntheticPostmortem {
  id: string;
  /** File name in the content folder: `<id>.md` or `<id>.mdx`. */
  fileName: string;
  source: string;
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
const PAST_DUE_STATUSES = [
  ['done', 85],
  ['wont-do', 12],
  ['open', 3],
] as const;
const STATUSES = [
  ['published', 95],
  ['in-review', 3],
  ['draft', 2],
] as const;
/** Zones without daylight saving, so a local time and its offset are simple to write. */
const ZONES = [
  { zone: 'UTC', offsetMinutes: 0, written: 'Z' },
  { zone: 'Asia/Tokyo', offsetMinutes: 540, written: '+09:00' },
  { zone: 'Asia/Kolkata', offsetMinutes: 330, written: '+05:30' },
  { zone: 'America/Bogota', offsetMinutes: -300, written: '-05:00' },
  { zone: 'Asia/Singapore', offsetMinutes: 480, written: '+08:00' },
  { zone: 'Africa/Nairobi', offsetMinutes: 180, written: '+03:00' },
] as const;
type Zone = (typeof ZONES)[number];

/** Services of a mid-sized company; the first ones fail most (picks favour the front of a list). */
const SERVICES = [
  'checkout',
  'payments-api',
  'auth',
  'storefront-web',
  'search',
  'orders',
  'inventory',
  'catalog',
  'notifications',
  'mobile-api',
  'api-gateway',
  'cdn',
  'billing',
  'shipping',
  'recommendations',
  'pricing',
  'promotions',
  'user-profile',
  'sessions',
  'email-delivery',
  'warehouse-scanner',
  'driver-gateway',
  'fraud-detection',
  'reporting',
  'data-pipeline',
  'feature-flags',
  'identity-provider',
  'kafka-platform',
  'postgres-platform',
  'redis-platform',
  'kubernetes-platform',
  'dns',
  'load-balancer',
  'object-storage',
  'ci-runners',
  'observability',
  'loyalty',
  'reviews',
  'media-processing',
  'tax-service',
  'currency-rates',
  'partner-api',
  'webhooks',
  'scheduler',
  'ledger',
  'refunds',
  'support-tools',
  'admin-console',
  'geo-service',
  'translations',
];
const TAGS = [
  'postgres',
  'redis',
  'kafka',
  'dns',
  'tls',
  'config',
  'deploy',
  'capacity',
  'kubernetes',
  'cdn',
  'cache',
  'timeout',
  'retries',
  'memory-leak',
  'feature-flag',
  'third-party',
  'network',
  'disk',
  'cron',
  'migration',
  'certificate',
  'rate-limiting',
  'connection-pool',
  'autoscaling',
  'load-balancer',
  'terraform',
  'rollback',
  'replication',
  'failover',
  'queue',
  'backpressure',
  'thundering-herd',
  'cache-stampede',
  'split-brain',
  'clock-skew',
  'schema-change',
  'index',
  'vacuum',
  'garbage-collection',
  'thread-pool',
  'circuit-breaker',
  'health-check',
  'canary',
  'secrets',
  'iam',
  'quota',
  'cost',
  'monitoring-gap',
  'alert-fatigue',
  'runbook',
  'on-call',
  'vendor',
  'ssl',
  'ipv6',
  'bgp',
  'mtls',
  'oauth',
  'jwt',
  'cors',
  'websocket',
  'grpc',
  'http2',
  'nginx',
  'envoy',
  'istio',
  'elasticsearch',
  'opensearch',
  's3',
  'gcs',
  'batch-job',
  'data-loss',
  'backfill',
  'idempotency',
  'deadlock',
  'race-condition',
  'leap-second',
  'daylight-saving',
  'encoding',
  'pagination',
  'mobile-release',
];
/** Triggers and how the prose names them. */
const TRIGGERS = {
  deploy: 'deploy',
  'config-change': 'configuration change',
  'traffic-surge': 'traffic surge',
  'dependency-failure': 'dependency failure',
  infrastructure: 'infrastructure change',
  'expired-credential': 'credential expiry',
  hardware: 'hardware fault',
  security: 'security response',
  unknown: 'change we could not identify',
} as const;
const DETECTIONS = ['monitoring-alert', 'engineer-noticed', 'customer-report', 'automated-test'];
const IMPACTS = [
  'full-outage',
  'partial-outage',
  'degraded-performance',
  'increased-errors',
  'increased-latency',
  'cascading-failure',
];
const TEAMS = [
  'Platform team',
  'Payments team',
  'Checkout team',
  'Identity team',
  'Search team',
  'Data team',
  'Mobile team',
  'Network Platform team',
  'SRE',
  'Security Engineering',
  'Storefront team',
  'Logistics team',
];
const PEOPLE = [
  'Ada Lovelace',
  'Grace Hopper',
  'Priya Raman',
  'Tom Whitfield',
  'Dana Okafor',
  'Luis Ortega',
  'Mei Chen',
  'Sven Larsen',
  'Amara Nwosu',
  'Hiro Tanaka',
  'Fatima Zahra',
  'Jonas Weber',
  'Chloé Martin',
  'Rahul Mehta',
  'Olga Ivanova',
  'Kwame Mensah',
  'Sofia Rossi',
  'Noah Cohen',
];
const SYMPTOMS = [
  'timeouts',
  'elevated error rates',
  'slow responses',
  'failed logins',
  'stale data',
  'dropped messages',
  'failed payments',
  'missing orders',
  'partial outage',
  'outage',
  'degraded search results',
  'delayed notifications',
];
const CAUSES = [
  'after a connection-pool change',
  'after a certificate expired',
  'during a database failover',
  'after a feature-flag rollout',
  'during a traffic surge',
  'after a Kubernetes node-pool upgrade',
  'after a DNS change',
  'caused by a memory leak',
  'caused by a cache stampede',
  'after a schema migration',
  'after a third-party provider degraded',
  'caused by a misconfigured rate limit',
  'after a load-balancer change',
  'caused by disk exhaustion',
  'after a dependency upgrade',
  'caused by a runaway batch job',
];
const COMPONENTS = [
  'connection pool',
  'primary database',
  'read replica',
  'cache cluster',
  'message queue',
  'ingress controller',
  'service mesh sidecar',
  'token issuer',
  'job scheduler',
  'search cluster',
  'object store bucket',
  'API gateway route',
  'worker pool',
  'TLS terminator',
];
const METRICS = [
  'p99 latency',
  'error rate',
  'queue depth',
  'CPU saturation',
  'heap usage',
  'connection count',
  'cache hit ratio',
  'replication lag',
  '5xx rate',
  'request rate',
];
const FIXES = [
  'rolled back the release',
  'reverted the configuration',
  'failed over to the standby',
  'raised the limit',
  'drained the affected nodes',
  'restarted the worker pool',
  'disabled the feature flag',
  'scaled the cluster out',
  'rotated the certificate',
  'purged the cache',
  'paused the batch job',
];
const ERRORS = [
  'ECONNRESET',
  'ETIMEDOUT',
  'NXDOMAIN',
  '503 Service Unavailable',
  '504 Gateway Timeout',
  'OOMKilled',
  'too many connections',
  'x509: certificate has expired',
  'context deadline exceeded',
  'connection refused',
];

/**
 * Syllables of the identifiers, hostnames and error codes real postmortems quote
 * (`reconcileLedgerBatch`, `kestrel-tarn-07`, `ERR_VOLT_QUORUM`). Two to four of
 * them make over 60,000 distinct words, picked with a long tail, so a corpus of
 * thousands of postmortems carries tens of thousands of distinct words, as real ones do.
 */
const SYLLABLES = [
  'ack',
  'bal',
  'batch',
  'bind',
  'blob',
  'buf',
  'cache',
  'cap',
  'chan',
  'chunk',
  'claim',
  'clock',
  'cord',
  'cron',
  'cursor',
  'delta',
  'dex',
  'drain',
  'edge',
  'epoch',
  'fan',
  'fence',
  'flux',
  'frame',
  'gate',
  'grain',
  'hash',
  'heap',
  'hint',
  'hop',
  'kestrel',
  'lag',
  'lane',
  'lease',
  'ledger',
  'lint',
  'lock',
  'loop',
  'marl',
  'mesh',
  'mux',
  'node',
  'offset',
  'orbit',
  'pane',
  'park',
  'peer',
  'pike',
  'pivot',
  'plex',
  'poll',
  'pulse',
  'quorum',
  'rack',
  'reap',
  'reconcile',
  'relay',
  'ring',
  'rota',
  'sable',
  'scan',
  'seal',
  'shard',
  'shim',
  'sink',
  'slab',
  'slot',
  'span',
  'spool',
  'stash',
  'sync',
  'tally',
  'tarn',
  'thaw',
  'tide',
  'token',
  'trail',
  'vault',
  'vector',
  'volt',
  'warden',
  'weave',
  'wick',
  'yard',
  'zone',
];

/** `YYYY-MM-DDTHH:MM:00±HH:MM` for `instant` as seen at a fixed offset. */
function localDateTime(instant: Date, zone: Zone): string {
  const local = new Date(instant.getTime() + zone.offsetMinutes * 60_000).toISOString().slice(0, 16);
  return `${local}:00${zone.written}`;
}

/** A URL-safe slug of a title: lowercase words joined by hyphens. */
function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A YAML double-quoted string. */
const quoted = (text: string) => JSON.stringify(text);

/**
 * Writes each timeline instant as `HH:MM` when the site would read it back
 * as that instant (same local day after the roll-over rule), else as a full
 * date-time, as authors do for a trigger the evening before or a multi-day incident.
 */
function timelineTimes(instants: readonly Date[], startedAt: Date, zone: Zone): string[] {
  let day = localDateTime(startedAt, zone).slice(0, 10);
  let previousTime: string | undefined;
  return instants.map((instant) => {
    const local = localDateTime(instant, zone);
    const [date, time] = [local.slice(0, 10), local.slice(11, 16)];
    const rolled = previousTime !== undefined && time < previousTime ? nextDay(day) : day;
    if (rolled !== date) return local;
    day = rolled;
    previousTime = time;
    return time;
  });
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The postmortems of a synthetic corpus, oldest first. Every file passes the
 * schema and the build's rules; `npm run check` may warn, as on a real corpus
 * (an overdue action item now and then).
 */
export function* syntheticPostmortems({
  count,
  seed = 1,
  end = new Date('2024-06-01T00:00:00Z'),
  years = 4,
  format = 'md',
}: SyntheticCorpusOptions): Generator<SyntheticPostmortem> {
  const next = random(seed);
  const below = (limit: number) => Math.floor(next() * limit);
  const pick = <T>(list: readonly T[]): T => list[below(list.length)]!;
  // A long tail, as real corpora have: a few services and tags account for most incidents.
  const pickSkewed = <T>(list: readonly T[]): T => list[Math.floor(next() ** 2 * list.length)]!;
  const weighted = <T>(list: readonly (readonly [T, number])[]): T => {
    let roll = next() * list.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [value, weight] of list) if ((roll -= weight) < 0) return value;
    return list.at(-1)![0];
  };
  const some = <T>(list: readonly T[], min: number, max: number): T[] => [
    ...new Set(Array.from({ length: min + below(max - min + 1) }, () => pickSkewed(list))),
  ];

  const span = years * 365 * 24 * 60 * 60_000;
  const starts = Array.from(
    { length: count },
    () => new Date(end.getTime() - Math.floor((next() * span) / 60_000) * 60_000),
  ).sort((a, b) => a.getTime() - b.getTime());
  const ids: string[] = [];
  const taken = new Set<string>();

  for (const [index, startedAt] of starts.entries()) {
    const zone = pick(ZONES);
    const services = some(SERVICES, 1, 3);
    const tags = some(TAGS, 1, 5);
    const service = services[0]!;
    const trigger = pick(Object.keys(TRIGGERS) as (keyof typeof TRIGGERS)[]);
    const symptom = pick(SYMPTOMS);
    const title = `${service.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase())} ${symptom} ${pick(CAUSES)}`;
    const startedLocal = localDateTime(startedAt, zone);
    let id = `${startedLocal.slice(0, 10)}-${slugOf(title)}`;
    for (let suffix = 2; taken.has(id); suffix++) id = `${startedLocal.slice(0, 10)}-${slugOf(title)}-${suffix}`;
    taken.add(id);

    // Mostly under two hours, some lasting most of a day or longer.
    const minutes = Math.max(6, Math.round(Math.exp(2.5 + next() * 5)));
    const at = (fraction: number) => new Date(startedAt.getTime() + Math.floor(minutes * fraction) * 60_000);
    const resolvedAt = at(1);
    const middle = Array.from({ length: 4 }, () => 0.2 + next() * 0.4).sort((a, b) => a - b);
    const instants = [
      new Date(startedAt.getTime() - below(40) * 60_000),
      at(next() * 0.2),
      ...middle.map(at),
      at(0.6 + next() * 0.35),
      resolvedAt,
    ];
    const kinds = ['trigger', 'detected', 'action', 'misleading', 'escalated', 'action', 'mitigated', 'resolved'];
    const component = pick(COMPONENTS);
    const metric = pick(METRICS);
    const error = pick(ERRORS);
    const fix = pick(FIXES);
    const host = `${service}-${below(40)}.${pick(['eu-west-1', 'us-east-1', 'ap-south-1', 'ap-northeast-1'])}.internal`;
    const events = [
      `A ${TRIGGERS[trigger]} touched the ${component} of ${service}.`,
      `The ${metric} alert for ${service} fired.`,
      `On-call opened an incident channel and paged the ${pick(TEAMS)}.`,
      `Engineers suspected ${pick(SERVICES)} and investigated it first.`,
      `The incident was escalated to the ${pick(TEAMS)}.`,
      `Logs on ${host} showed ${error}.`,
      `The team ${fix}.`,
      `The ${metric} of ${service} was back at baseline.`,
    ];
    const times = timelineTimes(instants, startedAt, zone);
    const timeline = times.map(
      (time, entry) => `  - { at: ${quoted(time)}, event: ${quoted(events[entry]!)}, kind: ${kinds[entry]} }`,
    );

    const actionTitles = [
      `Alert on ${metric} of the ${component} before it saturates`,
      `Add a runbook step for ${error} on ${service}`,
      `Load-test the ${component} with production traffic patterns`,
    ];
    const actionItems = actionTitles.map((actionTitle, item) => {
      const due = new Date(startedAt.getTime() + (14 + below(90)) * 86_400_000);
      // Items due before `end` are mostly finished, a few are overdue; later ones are still being worked on, as in a real ledger.
      const status = due < end ? weighted(PAST_DUE_STATUSES) : pick(['open', 'in-progress', 'done']);
      return [
        `  - title: ${quoted(actionTitle)}`,
        `    owner: ${quoted(pick(TEAMS))}`,
        `    type: ${['detect', 'process', 'prevent'][item]}`,
        `    status: ${status}`,
        `    due: ${due.toISOString().slice(0, 10)}`,
        `    ticket: https://tracker.example.com/OPS-${10_000 + index * 3 + item}`,
      ].join('\n');
    });
    const related =
      ids.length > 0 && next() < 0.15
        ? [
            ...new Set(
              Array.from({ length: 1 + below(2) }, () => ids[ids.length - 1 - below(Math.min(ids.length, 200))]!),
            ),
          ]
        : [];
    const status = weighted(STATUSES);
    const usersAffected = Math.round(next() * 1000) / 10;
    const frontmatter = [
      `title: ${quoted(title)}`,
      `summary: ${quoted(`For ${minutes} minutes, ${usersAffected}% of ${service} users saw ${symptom} because the ${component} hit ${error} ${pick(CAUSES)}.`)}`,
      `severity: ${weighted(SEVERITIES)}`,
      ...(status === 'published' ? [] : [`status: ${status}`]),
      `visibility: ${next() < 0.7 ? 'public' : 'internal'}`,
      `startedAt: ${quoted(startedLocal)}`,
      `resolvedAt: ${quoted(localDateTime(resolvedAt, zone))}`,
      `timezone: ${zone.zone}`,
      `services: [${services.join(', ')}]`,
      `tags: [${tags.join(', ')}]`,
      `authors: [${[...new Set([pick(PEOPLE), ...(next() < 0.4 ? [pick(PEOPLE)] : [])])].join(', ')}]`,
      ...(next() < 0.5 ? [`escalatedTo: [${quoted(pick(TEAMS))}]`] : []),
      `impact: { usersAffectedPct: ${usersAffected}, categories: [${some(IMPACTS, 1, 2).join(', ')}] }`,
      `detection: ${pick(DETECTIONS)}`,
      `trigger: ${trigger}`,
      'timeline:',
      ...timeline,
      'actionItems:',
      ...actionItems,
      ...(related.length > 0 ? [`related: [${related.join(', ')}]`] : []),
    ].join('\n');

    // The incident's own vocabulary: functions, config keys, hosts, error codes and numbers quoted in its story.
    const syllables = (min: number, max: number) =>
      Array.from({ length: min + below(max - min + 1) }, () => pickSkewed(SYLLABLES));
    const camel = (parts: string[]) =>
      parts.map((part, at) => (at === 0 ? part : part[0]!.toUpperCase() + part.slice(1))).join('');
    const details = Array.from({ length: 3 + below(4) }, () => {
      const caller = camel(syllables(2, 4));
      const callee = camel(syllables(2, 3));
      const node = `${syllables(1, 2).join('-')}-${String(below(100)).padStart(2, '0')}.${pick(['eu-west-1', 'us-east-1', 'ap-south-1'])}.internal`;
      const code = `ERR_${syllables(2, 3).join('_').toUpperCase()}`;
      const key = syllables(2, 3).join('_');
      return pick([
        `In \`${caller}\` the call to \`${callee}\` failed with ${code} after ${below(30_000)} ms on ${node}.`,
        `The setting \`${key}\` was ${below(512)} on ${node} and ${below(4096)} everywhere else.`,
        `Between ${below(24)}:${String(below(60)).padStart(2, '0')} and the rollback, ${below(100_000)} requests to \`${caller}\` returned ${code}.`,
      ]);
    }).join(' ');
    const words = { service, component, metric, error, fix, host, trigger: TRIGGERS[trigger], team: pick(TEAMS) };
    const sentence = () => fillTemplate(pick(SENTENCES), words, next);
    // Sentences until the section has its share of about 550 words.
    const prose = (targetWords: number) => {
      const sentences: string[] = [];
      let total = 0;
      while (total < targetWords) {
        const text = sentence();
        sentences.push(text);
        total += countWords(text);
      }
      return sentences.join(' ');
    };
    const internal =
      format === 'mdx' && next() < 0.2
        ? [
            `<Internal>\nThe runbook for ${component} failures on ${service} is RB-${below(900) + 100}; page the ${words.team} rota.\n</Internal>`,
          ]
        : [];
    const body = [
      '## Issue summary',
      prose(80),
      '## Timeline',
      prose(100),
      '## Root cause and resolution',
      prose(100),
      ['```text', `${error} (${host})`, `${metric}: ${below(900) + 100} over a threshold of 100`, '```'].join('\n'),
      details,
      // The details take the place of prose, so the body keeps its length.
      prose(Math.max(10, 80 - countWords(details))),
      ...internal,
      '## Corrective and preventative measures',
      actionTitles.map((actionTitle) => `- [ ] ${actionTitle}`).join('\n'),
      prose(30),
      '## Lessons learned',
      prose(60),
    ].join('\n\n');
    ids.push(id);
    yield { id, fileName: `${id}.${format}`, source: `---\n${frontmatter}\n---\n\n${body}\n` };
  }
}

/** Sentences of postmortem prose, with `{slots}` filled from the incident. */
const SENTENCES = [
  'The {service} service returned {error} to a share of requests while the {component} was saturated.',
  'Engineers watched the {metric} climb on the dashboards and compared it with the previous week.',
  'The {trigger} had passed review and canary checks, so it was not suspected at first.',
  'Requests queued behind the {component} until clients gave up and retried, which doubled the load.',
  'On-call checked traces from `{host}` and saw every slow request waiting on the {component}.',
  'The {team} joined the call and confirmed that nothing had changed on their side.',
  'Once the cause was clear, the team {fix} and the {metric} began to fall within minutes.',
  'Retries from mobile clients kept the {component} busy for a while after the fix.',
  'Customers saw spinners, failed actions and, in some regions, {error} pages.',
  'Support tickets rose sharply, and the status page was updated every twenty minutes.',
  'The alert on {metric} fired late because its threshold had been tuned for a quieter season.',
  'Nothing in the {trigger} itself was wrong; the system around it allowed a small change to have a large effect.',
  'We had no dashboard that showed the {component} of {service} next to its callers.',
  'A runbook existed, but it described an older topology and sent responders to the wrong cluster.',
  'The rollback path was slower than expected because the previous build had been garbage-collected from the registry.',
  'Load tests had covered the {component}, but not with the burst pattern production sees after a release.',
  'Capacity planning assumed the {component} would scale with traffic, which it does not.',
  'Error budgets for {service} were already thin this quarter, so the incident was declared early.',
  'The incident commander kept a running log in the channel, which made this review much easier to write.',
  'Several engineers noticed the {metric} on their own and joined the response without being paged.',
  'We will add a synthetic check that exercises the {component} end to end from every region.',
  'The {team} will own the follow-up work and report progress in the weekly reliability review.',
  'Automating this step removes a manual action that was easy to get wrong under pressure.',
  'We learned that a quiet {metric} is not proof of health when clients retry silently.',
  'Communication with customers went well, and the support team had accurate answers throughout.',
  'The same failure mode had appeared in staging two weeks earlier, but the warning was not followed up.',
  'Latency at the edge stayed normal, which made the problem look like a client issue for the first minutes.',
  'A dependency upgrade changed the default timeout of the {component} from thirty seconds to five.',
  'We confirmed recovery by watching the {metric} for an hour and by replaying failed jobs.',
  'No data was lost, but {n} jobs had to be replayed by hand from the dead-letter queue.',
];

function fillTemplate(template: string, words: Record<string, string>, next: () => number): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'n' ? String(10 + Math.floor(next() * 990)) : words[name]!,
  );
}

/** What was written, for progress reports. */
export interface SyntheticCorpusProgress {
  written: number;
  total: number;
}

/**
 * Writes a synthetic corpus into `dir` (created if missing) and returns the
 * ids, oldest first; `onProgress` hears of every file written.
 */
export async function writeSyntheticCorpus({
  dir,
  onProgress,
  ...options
}: SyntheticCorpusOptions & { dir: string; onProgress?: (progress: SyntheticCorpusProgress) => void }): Promise<
  string[]
> {
  await mkdir(dir, { recursive: true });
  const ids: string[] = [];
  for (const postmortem of syntheticPostmortems(options)) {
    await writeFile(join(dir, postmortem.fileName), postmortem.source);
    ids.push(postmortem.id);
    onProgress?.({ written: ids.length, total: options.count });
  }
  return ids;
}
