import { describe, expect, test } from 'vitest';
import { postmortemRecord } from '../../tests/postmortem-record';
import { relatedLinks, sharedTraits } from './related';
import type { SimilarMatch } from './similarity';

describe('sharedTraits', () => {
  test('lists shared services, tags and trigger in the first incident’s order', () => {
    const a = postmortemRecord('a', {
      services: ['checkout', 'db'],
      tags: ['postgres', 'config'],
      trigger: 'deploy',
    }).data;
    const b = postmortemRecord('b', { services: ['db', 'checkout'], tags: ['config'], trigger: 'deploy' }).data;
    expect(sharedTraits(a, b)).toEqual({
      shared: { services: ['checkout', 'db'], tags: ['config'], trigger: 'deploy' },
    });
  });

  test('does not count a shared trigger of unknown or other', () => {
    const a = postmortemRecord('a', { services: ['x'], trigger: 'unknown' }).data;
    const b = postmortemRecord('b', { services: ['y'], trigger: 'unknown' }).data;
    expect(sharedTraits(a, b)).toEqual({ shared: { services: [], tags: [], trigger: undefined } });
  });
});

describe('relatedLinks', () => {
  const match = (position: number, score: number): SimilarMatch => ({
    position,
    score,
    textSimilarity: 0,
    evidence: { services: [], tags: [], trigger: undefined, terms: [] },
  });

  test('puts explicit links first, then computed ones, by id', () => {
    const links = relatedLinks(
      { explicit: [match(2, 0)], related: [match(0, 5), match(1, 3)], repeats: [] },
      (position) => ['a', 'b', 'c'][position]!,
    );
    expect(links.map((link) => `${link.id}:${link.score}${link.explicit ? ' (explicit)' : ''}`)).toEqual([
      'c:0 (explicit)',
      'a:5',
      'b:3',
    ]);
  });
});
