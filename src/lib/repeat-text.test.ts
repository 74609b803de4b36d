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
  test('names the row with the highest share repeating and how many rows had a repeat', () => {
    const rows = [
      { key: 'checkout', incidents: 3, repeating: 1, share: 1 / 3 },
      { key: 'search', incidents: 4, repeating: 2, share: 0.5 },
      { key: 'dns', incidents: 2, repeating: 0, share: 0 },
    ];
    expect(describeRecurrence(rows, 'service')).toBe(
      'Highest in search: 2 of 4 incidents (50%) repeated an earlier one of the year before; 2 of 3 services had a repeat.',
    );
  });

  test('says so when no row had a repeat', () => {
    expect(describeRecurrence([{ key: '2024-Q1', incidents: 2, repeating: 0, share: 0 }], 'quarter')).toBe(
      'In no quarter did an incident repeat an earlier one of the year before.',
    );
  });
});
