import { describe, expect, test } from 'vitest';
import { phaseSegments } from './phase-bar';

const at = (time: string) => new Date(`2026-10-05T${time}:00Z`);

describe('phaseSegments', () => {
  test('lays the three phases end to end on one proportional axis', () => {
    expect(
      phaseSegments({
        startedAt: at('10:00'),
        detectedAt: at('10:15'),
        mitigatedAt: at('10:45'),
        resolvedAt: at('11:00'),
      }),
    ).toEqual([
      { phase: 'undetected', minutes: 15, startPercent: 0, widthPercent: 25 },
      { phase: 'responding', minutes: 30, startPercent: 25, widthPercent: 50 },
      { phase: 'recovering', minutes: 15, startPercent: 75, widthPercent: 25 },
    ]);
  });

  test('joins a phase with an unknown end to the next one', () => {
    expect(phaseSegments({ startedAt: at('10:00'), mitigatedAt: at('10:30'), resolvedAt: at('11:00') })).toEqual([
      { phase: 'responding', minutes: 30, startPercent: 0, widthPercent: 50 },
      { phase: 'recovering', minutes: 30, startPercent: 50, widthPercent: 50 },
    ]);
  });

  test('draws nothing for an incident without duration', () => {
    expect(phaseSegments({ startedAt: at('10:00'), resolvedAt: at('10:00') })).toEqual([]);
  });
});
