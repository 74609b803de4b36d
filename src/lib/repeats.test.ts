import { describe, expect, test } from 'vitest';
import { postmortemRecord } from '../../tests/postmortem-record';
import { DEFAULT_SEVERITY_SCALE } from '../schemas/severity';
import { buildCorpus } from './corpus';
import { buildRecurrence } from './recurrence';
import { placeInChain, unfinishedActions } from './repeats';

/** Three checkout incidents told alike (a chain), and one unlike them. */
const POOL =
  'The connection pool of checkout-db was exhausted after max_connections was lowered; HikariPool timed out.';
const pool = (id: string, startedAt: string, actionItems: unknown[] = []) =>
  postmortemRecord(id, {
    startedAt,
    resolvedAt: startedAt.replace('T10', 'T11'),
    services: ['checkout'],
    trigger: 'config-change',
    summary: POOL,
    actionItems,
  });
const corpus = buildCorpus(
  [
    pool('2023-03-01-first', '2023-03-01T10:00:00Z', [
      { title: 'Alert on pool saturation', owner: 'Platform', status: 'open' },
      { title: 'Revert the pool', owner: 'Platform', status: 'done' },
    ]),
    pool('2024-02-01-second', '2024-02-01T10:00:00Z', [{ title: 'Test the config', owner: 'SRE', status: 'wont-do' }]),
    pool('2024-05-01-third', '2024-05-01T10:00:00Z'),
    postmortemRecord('2024-04-01-disk', {
      startedAt: '2024-04-01T10:00:00Z',
      resolvedAt: '2024-04-01T11:00:00Z',
      services: ['kafka'],
      summary: 'A broker disk filled up.',
    }),
  ],
  DEFAULT_SEVERITY_SCALE,
);
const item = (id: string) => corpus.byId.get(id)!;

describe('repeatChains', () => {
  test('joins incidents that repeat one another into one chain, oldest first', () => {
    expect(item('2024-05-01-third').chain?.items.map((member) => member.record.id)).toEqual([
      '2023-03-01-first',
      '2024-02-01-second',
      '2024-05-01-third',
    ]);
    expect(item('2024-04-01-disk').chain).toBeUndefined();
  });
});

describe('placeInChain', () => {
  test('counts the incidents of the kind up to this one, and lists the earlier ones', () => {
    const { ordinal, earlier } = placeInChain(item('2024-05-01-third'));
    expect([ordinal, earlier.map((member) => member.record.id)]).toEqual([
      3,
      ['2023-03-01-first', '2024-02-01-second'],
    ]);
    expect(placeInChain(item('2023-03-01-first'))).toEqual({ ordinal: 1, earlier: [] });
  });
});

describe('unfinishedActions', () => {
  test('lists action items open, in progress or dropped, not done ones', () => {
    const { earlier } = placeInChain(item('2024-05-01-third'));
    expect(unfinishedActions(earlier).map(({ action }) => `${action.title} (${action.status})`)).toEqual([
      'Alert on pool saturation (open)',
      'Test the config (wont-do)',
    ]);
  });
});

describe('buildRecurrence', () => {
  test('counts repeats of the year before per quarter and per service, and lists the chains', () => {
    const recurrence = buildRecurrence(corpus, '2024-06');
    // The second incident repeats the first from 11 months before; the third repeats both.
    expect(recurrence.perQuarter.slice(-2)).toEqual([
      { key: '2024-Q1', incidents: 1, repeating: 1, share: 1 },
      { key: '2024-Q2', incidents: 2, repeating: 1, share: 0.5 },
    ]);
    expect(recurrence.perService).toEqual([
      { key: 'checkout', incidents: 3, repeating: 2, share: 2 / 3 },
      { key: 'kafka', incidents: 1, repeating: 0, share: 0 },
    ]);
    expect(recurrence.chains.map((chain) => chain.items.length)).toEqual([3]);
  });
});
