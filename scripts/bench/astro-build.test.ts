import { describe, expect, test } from 'vitest';
import { parseGnuTime } from './astro-build';

describe('parseGnuTime', () => {
  test('reads wall time, CPU time and peak memory from the line GNU time prints', () => {
    expect(parseGnuTime('12:00:01 [build] Complete!\nBENCH-TIME 42.50 30.25 4.75 1048576\n')).toEqual({
      wallSeconds: 42.5,
      cpuSeconds: 35,
      peakRssBytes: 1024 ** 3,
    });
  });

  test('returns undefined when the build printed no such line', () => {
    expect(parseGnuTime('Command terminated by signal 9')).toBeUndefined();
  });
});
