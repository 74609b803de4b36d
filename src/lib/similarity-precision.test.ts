/**
 * Precision and recall of repeats on a hand-labelled set: eighteen short
 * postmortems as teams write them, and twenty pairs (later, earlier) labelled
 * by reading them: a repeat is the same failure for the same reason on the
 * same system, not merely the same kind of failure (a connection leak is not a
 * pool someone shrank; our expired certificate is not a processor's).
 */
import { describe, expect, test } from 'vitest';
import { postmortemRecord } from '../../tests/postmortem-record';
import { SimilarityConfigSchema } from '../schemas/similarity';
import { compareNewestFirst } from './corpus';
import { findSimilar } from './similarity';
import { similarityTerms } from './similarity-terms';

type Incident = [
  id: string,
  services: string[],
  tags: string[],
  trigger: string,
  title: string,
  summary: string,
  rootCause: string,
];

const INCIDENTS: Incident[] = [
  [
    '2023-02-01-a1',
    ['checkout'],
    ['postgres'],
    'config-change',
    'Checkout failing after the pool was halved',
    'Checkout failed for 40 minutes because a config change set max_connections to 50 and the connection pool was exhausted.',
    'The change to max_connections halved the connection pool of checkout-db. Requests waited until HikariPool timed out: Connection is not available, request timed out after 30000ms.',
  ],
  [
    '2023-09-12-a2',
    ['checkout'],
    ['postgres'],
    'config-change',
    'Checkout errors as the connection pool ran dry',
    'Checkout errors for 25 minutes: max_connections was lowered in a config change and the pool was exhausted.',
    'A config change for staging set max_connections to 40 in production; the connection pool of checkout-db ran dry and HikariPool timed out after 30000ms.',
  ],
  [
    '2024-03-05-a3',
    ['orders'],
    ['postgres'],
    'deploy',
    'Orders slow from a connection leak',
    'Orders were slow for two hours because a deploy leaked database connections until the pool was exhausted.',
    'A new code path never closed its connections, so the orders-db connection pool filled up with idle connections; the deploy was reverted and the leak fixed with try-with-resources.',
  ],
  [
    '2023-04-02-b1',
    ['api-gateway'],
    ['tls'],
    'expired-credential',
    'API down after the gateway certificate expired',
    'All API calls failed for 50 minutes because the TLS certificate of api-gateway expired.',
    'cert-manager could not renew the certificate: its ACME HTTP-01 challenge was blocked by a WAF rule, so the certificate expired and clients failed with CERT_HAS_EXPIRED.',
  ],
  [
    '2024-04-01-b2',
    ['api-gateway'],
    ['tls'],
    'expired-credential',
    'Gateway certificate expired again',
    'API clients saw TLS errors for 30 minutes when the api-gateway certificate expired.',
    'Renewal by cert-manager failed silently for weeks (ACME challenge blocked by the WAF again) and the certificate expired; clients reported CERT_HAS_EXPIRED.',
  ],
  [
    '2024-06-11-b3',
    ['checkout'],
    ['tls'],
    'expired-credential',
    'Card payments declined after the processor certificate expired',
    'Card payments were declined for 25 minutes because the card processor let its certificate expire.',
    'The processor rotated its certificate late and our client pinned the old intermediate, so handshakes failed with CERT_HAS_EXPIRED until we updated the trust store.',
  ],
  [
    '2023-05-20-c1',
    ['dns'],
    ['kubernetes'],
    'traffic-surge',
    'Name resolution failing as CoreDNS ran out of memory',
    'Services could not resolve names for 20 minutes during a traffic peak because CoreDNS pods were OOMKilled.',
    'The CoreDNS cache grew with the peak and the pods hit their 170Mi memory limit; OOMKilled pods restarted in a loop and lookups timed out.',
  ],
  [
    '2024-01-08-c2',
    ['dns'],
    ['kubernetes'],
    'traffic-surge',
    'CoreDNS OOMKilled during the sale',
    'DNS lookups failed for 15 minutes during the January sale as CoreDNS was OOMKilled.',
    'The 170Mi memory limit of the CoreDNS pods was never raised; the cache grew under the sale traffic and the pods were OOMKilled again.',
  ],
  [
    '2023-06-14-d1',
    ['kafka'],
    ['disk'],
    'config-change',
    'Kafka brokers stopped when their disks filled',
    'Event processing stopped for an hour because the Kafka broker disks filled up.',
    'A topic created without retention.ms kept every message; the log directories reached 100% and the brokers shut down.',
  ],
  [
    '2024-02-19-d2',
    ['kafka'],
    ['disk'],
    'config-change',
    'Broker disk full from topic retention',
    'Events were delayed for 40 minutes when a Kafka broker ran out of disk.',
    'A retention.ms override of a new topic was set to -1, so the log directories filled to 100% and the broker stopped.',
  ],
  [
    '2023-07-03-e1',
    ['search'],
    ['deploy'],
    'deploy',
    'Search returning nothing after an index mapping change',
    'Search returned no results for 35 minutes after a deploy changed the index mapping.',
    'The new mapping renamed the title field; queries still asked for the old field and matched nothing until the deploy was rolled back.',
  ],
  [
    '2024-05-21-e2',
    ['checkout'],
    ['deploy'],
    'deploy',
    'Checkout broken by a feature flag',
    'Checkout failed for 10 minutes after a deploy enabled an unfinished feature flag.',
    'The new-basket flag was on by default in the deploy and the basket service rejected its payload; turning the flag off restored checkout.',
  ],
  [
    '2023-08-09-f1',
    ['sessions'],
    ['redis'],
    'traffic-surge',
    'Users logged out as Redis evicted sessions',
    'Many users were logged out for 30 minutes because Redis evicted session keys.',
    'The sessions Redis reached maxmemory and its maxmemory-policy allkeys-lru evicted live sessions under the evening peak.',
  ],
  [
    '2024-07-15-f2',
    ['sessions'],
    ['redis'],
    'traffic-surge',
    'Session evictions again at maxmemory',
    'Users were logged out for 20 minutes as session keys were evicted.',
    'Redis hit maxmemory again under the peak; allkeys-lru as maxmemory-policy evicted live sessions, the memory increase of last year having been postponed.',
  ],
  [
    '2023-10-02-g1',
    ['payments-api'],
    ['provider'],
    'dependency-failure',
    'Payments failing during a provider outage',
    'Payments failed for 90 minutes while the payment provider returned 503 errors.',
    'Adyen returned HTTP 503 for authorisations; without a circuit breaker our workers retried until the queue backed up.',
  ],
  [
    '2024-08-26-g2',
    ['payments-api'],
    ['provider'],
    'dependency-failure',
    'Provider 503s stalled payments again',
    'Payments stalled for an hour when the provider returned 503 errors.',
    'Adyen authorisations failed with HTTP 503; retries without a circuit breaker filled the queue as last time.',
  ],
  [
    '2023-11-13-h1',
    ['payments-api'],
    ['billing'],
    'deploy',
    'Customers charged twice by a retried job',
    'About 300 customers were charged twice because a billing job ran twice after a deploy.',
    'The nightly charge job had no idempotency key; the deploy restarted it mid-run and it charged every customer of the batch again.',
  ],
  [
    '2024-09-30-h2',
    ['payments-api'],
    ['postgres'],
    'deploy',
    'Slow payments from a missing index',
    'Payments took up to 20 seconds for an hour after a deploy added a query without an index.',
    'A new refund lookup scanned the payments table: the migration that added its index had not run, so every request waited on a sequential scan.',
  ],
];

/** [later, earlier, whether a reader calls it a repeat]. */
const LABELLED: [string, string, boolean][] = [
  ['a2', 'a1', true],
  ['a3', 'a1', false],
  ['a3', 'a2', false],
  ['b2', 'b1', true],
  ['b3', 'b1', false],
  ['b3', 'b2', false],
  ['c2', 'c1', true],
  ['d2', 'd1', true],
  ['e2', 'e1', false],
  ['f2', 'f1', true],
  ['g2', 'g1', true],
  ['h2', 'h1', false],
  ['h2', 'g1', false],
  ['h2', 'g2', false],
  ['e2', 'a2', false],
  ['b3', 'a2', false],
  ['c2', 'b1', false],
  ['d2', 'c1', false],
  ['f2', 'a1', false],
  ['g2', 'h1', false],
];

describe('repeats on a hand-labelled set', () => {
  const inputs = INCIDENTS.map(([id, services, tags, trigger, title, summary, rootCause]) => ({
    terms: similarityTerms({ title, summary }, rootCause),
    record: postmortemRecord(id, {
      startedAt: `${id.slice(0, 10)}T10:00:00Z`,
      resolvedAt: `${id.slice(0, 10)}T11:00:00Z`,
      services,
      tags,
      trigger,
      title,
      summary,
    }),
  })).sort((a, b) => compareNewestFirst(a.record, b.record));
  const results = findSimilar(inputs, SimilarityConfigSchema.parse({}));
  const predicted = (later: string, earlier: string) => {
    const position = inputs.findIndex(({ record }) => record.id.endsWith(`-${later}`));
    return results[position]!.repeats.some((match) => inputs[match.position]!.record.id.endsWith(`-${earlier}`));
  };

  test('flags repeats with a precision of at least 0.8 under the default settings', () => {
    const outcomes = LABELLED.map(([later, earlier, repeat]) => ({ repeat, flagged: predicted(later, earlier) }));
    const truePositives = outcomes.filter((outcome) => outcome.repeat && outcome.flagged).length;
    const flagged = outcomes.filter((outcome) => outcome.flagged).length;
    const repeats = outcomes.filter((outcome) => outcome.repeat).length;
    const precision = truePositives / flagged;
    const recall = truePositives / repeats;
    console.info(
      `possible-repeat on ${LABELLED.length} labelled pairs: precision ${precision.toFixed(2)} (${truePositives} of ${flagged} flagged), recall ${recall.toFixed(2)} (${truePositives} of ${repeats} repeats)`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.8);
  });
});
