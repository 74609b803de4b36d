import { describe, expect, test } from 'vitest';
import { describeEvidence, describeRecurrence, describeRepeat, describeSimilarity } from './repeat-text';

const evidence = {
  services: ['checkout'],
  tags: [],
  trigger: 'config-change',
  terms: ['connection pool', 'max_connections'],
};

describe('describeEvidence', () => {
  test('reads as one line of evidence', () => {
    expect(describeEvidence(evidence)).toBe(
      'same service checkout, trigger config-change, shared terms: connection pool, max_connections',
    );
    expect(describeEvidence({ services: ['a', 'b'], tags: ['x'], trigger: undefined, terms: [] })).toBe(
      'same services a, b, tag x',
    );
  });
});

describe('describeSimilarity', () => {
  test('lists what the two share, terms last', () => {
    expect(describeSimilarity(evidence)).toBe(
      'Shares services: checkout; trigger: config change; terms: connection pool, max_connections',
    );
    expect(describeSimilarity({ services: [], tags: [], trigger: undefined, terms: [] })).toBe('');
  });
});

describe('describeRepeat', () => {
  test('counts the incidents of a kind in words, then in figures', () => {
    expect(describeRepeat(3, '2024-03')).toBe('Third incident of this kind since March 2024');
    expect(describeRepeat(12, '2024-03')).toBe('12th incident of this kind since March 2024');
  });
});

describe('describeRecurrence', () => {
  test('gives the share repeating and the service repeating most', () => {
    const checkout = { key: 'checkout', incidents: 3, repeating: 1, share: 1 / 3 };
    expect(describeRecurrence({ incidents: 6, repeating: 1, perService: [checkout] })).toBe(
      '1 incident of 6 (17%) repeated an earlier one of the year before; most often on checkout (1 of 3).',
    );
    expect(describeRecurrence({ incidents: 6, repeating: 0, perService: [] })).toBe(
      'No incident repeated an earlier one of the year before.',
    );
  });
});
