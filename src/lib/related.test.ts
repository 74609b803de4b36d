import { describe, expect, test } from 'vitest';
import { postmortemRecord } from '../../tests/postmortem-record';
import { compareNewestFirst } from './corpus';
import { MIN_RELATED_SCORE, RELATED_WEIGHTS, relatedLinks, sharedTraits } from './related';

/** Newest first, as the corpus hands records to `relatedLinks`. */
const sorted = (...records: ReturnType<typeof postmortemRecord>[]) => records.sort(compareNewestFirst);
const on = (day: string) => ({ startedAt: `2024-03-${day}T10:00:00Z`, resolvedAt: `2024-03-${day}T11:00:00Z` });
const ids = (links: ReturnType<typeof relatedLinks>, id: string) =>
  links.get(id)!.map((link) => `${link.id}${link.explicit ? ' (explicit)' : ''}:${link.score}`);

describe('sharedTraits', () => {
  test('weighs a shared service 3, a shared tag 2 and a shared trigger 1', () => {
    expect(RELATED_WEIGHTS).toEqual({ service: 3, tag: 2, trigger: 1 });
    const a = postmortemRecord('a', {
      services: ['checkout', 'db'],
      tags: ['postgres', 'config'],
      trigger: 'deploy',
    }).data;
    const b = postmortemRecord('b', { services: ['db', 'checkout'], tags: ['config'], trigger: 'deploy' }).data;
    expect(sharedTraits(a, b)).toEqual({
      shared: { services: ['checkout', 'db'], tags: ['config'], trigger: 'deploy' },
      score: 3 + 3 + 2 + 1,
    });
  });

  test('does not count a shared trigger of unknown or other', () => {
    const a = postmortemRecord('a', { services: ['x'], trigger: 'unknown' }).data;
    const b = postmortemRecord('b', { services: ['y'], trigger: 'unknown' }).data;
    expect(sharedTraits(a, b)).toEqual({ shared: { services: [], tags: [], trigger: undefined }, score: 0 });
  });
});

describe('relatedLinks', () => {
  const records = sorted(
    postmortemRecord('x', { ...on('20'), services: ['checkout'], tags: ['postgres'], trigger: 'deploy' }),
    postmortemRecord('both', { ...on('01'), services: ['checkout'], tags: ['postgres'] }), // 3 + 2 = 5
    postmortemRecord('service-older', { ...on('02'), services: ['checkout'] }), // 3
    postmortemRecord('tag-and-trigger-newer', {
      ...on('03'),
      services: ['other'],
      tags: ['postgres'],
      trigger: 'deploy',
    }), // 2 + 1 = 3
    postmortemRecord('tag-only', { ...on('04'), services: ['other'], tags: ['postgres'] }), // 2, fourth
    postmortemRecord('trigger-only', { ...on('05'), services: ['other'], trigger: 'deploy' }), // 1, below the minimum
  );

  test('ranks by weighted score, breaks ties by the newer incident and keeps three', () => {
    expect(ids(relatedLinks(records), 'x')).toEqual(['both:5', 'tag-and-trigger-newer:3', 'service-older:3']);
  });

  test('leaves out links scoring below the minimum, and the incident itself', () => {
    expect(MIN_RELATED_SCORE).toBe(2);
    const trigger = relatedLinks(records).get('trigger-only')!;
    // With x it shares only the trigger (1, too little); with two others service "other", and with one of them the trigger too.
    expect(trigger.map((link) => link.id)).toEqual(['tag-and-trigger-newer', 'tag-only']);
    expect(trigger.map((link) => link.score)).toEqual([3 + 1, 3]);
  });

  test('puts explicit links first, in the order written, and never repeats them among computed ones', () => {
    const withExplicit = sorted(
      ...records.filter((record) => record.id !== 'x'),
      postmortemRecord('x', {
        ...on('20'),
        services: ['checkout'],
        tags: ['postgres'],
        trigger: 'deploy',
        related: ['trigger-only', 'both', 'gone'],
      }),
    );
    expect(ids(relatedLinks(withExplicit), 'x')).toEqual([
      'trigger-only (explicit):1',
      'both (explicit):5',
      'tag-and-trigger-newer:3',
      'service-older:3',
      'tag-only:2',
    ]);
  });

  test('breaks ties between incidents that started at the same moment by id', () => {
    const same = sorted(
      postmortemRecord('z', { ...on('01'), services: ['db'] }),
      postmortemRecord('b', { ...on('01'), services: ['db'] }),
      postmortemRecord('a', { ...on('09'), services: ['db'] }),
      postmortemRecord('c', { ...on('01'), services: ['db'] }),
    );
    expect(ids(relatedLinks(same), 'a')).toEqual(['b:3', 'c:3', 'z:3']);
    expect(ids(relatedLinks(same.reverse().sort(compareNewestFirst)), 'a')).toEqual(['b:3', 'c:3', 'z:3']);
  });

  test('respects a smaller limit', () => {
    expect(ids(relatedLinks(records, 1), 'x')).toEqual(['both:5']);
  });

  test('finds what ranking every pair would, in a corpus with many ties', () => {
    // Small pools, so that most pairs share something and scores tie often.
    const pick = <T>(pool: readonly T[], seed: number, count: number) =>
      Array.from({ length: count }, (_, index) => pool[(seed * 7 + index * 13) % pool.length]!);
    const corpus = sorted(
      ...Array.from({ length: 300 }, (_, index) =>
        postmortemRecord(`pm-${String(index).padStart(3, '0')}`, {
          ...on(String(1 + (index % 28)).padStart(2, '0')),
          services: pick(['api', 'db', 'edge', 'queue', 'search'], index, 1 + (index % 2)),
          tags: pick(['dns', 'tls', 'postgres', 'deploy', 'memory', 'disk'], index * 3, index % 3),
          trigger: pick(['deploy', 'config-change', 'unknown', 'traffic-surge'], index, 1)[0],
          related: index % 10 === 0 ? [`pm-${String(index + 1).padStart(3, '0')}`] : [],
        }),
      ),
    );
    const byPair = (record: (typeof corpus)[number], position: number) =>
      corpus
        .map((other, otherPosition) => ({
          id: other.id,
          otherPosition,
          score: sharedTraits(record.data, other.data).score,
        }))
        .filter(
          ({ id, otherPosition, score }) =>
            otherPosition !== position && !record.data.related.includes(id) && score >= MIN_RELATED_SCORE,
        )
        .sort((a, b) => b.score - a.score || a.otherPosition - b.otherPosition)
        .slice(0, 3)
        .map(({ id, score }) => `${id}:${score}`);

    const links = relatedLinks(corpus);
    corpus.forEach((record, position) => {
      expect(
        ids(links, record.id).filter((link) => !link.includes('explicit')),
        record.id,
      ).toEqual(byPair(record, position));
    });
  });
});
