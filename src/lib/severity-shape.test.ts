import { describe, expect, test } from 'vitest';
import { severityClipPath, severityMarkPath, severityShape } from './severity-shape';

describe('severityShape', () => {
  test('gives each of five levels its own shape, then repeats', () => {
    expect([0, 1, 2, 3, 4, 5].map(severityShape)).toEqual([
      'triangle',
      'diamond',
      'square',
      'circle',
      'bar',
      'triangle',
    ]);
  });
});

describe('severityClipPath', () => {
  test('is a clip-path over a square box', () => {
    expect(severityClipPath(0)).toBe('polygon(50% 0, 100% 100%, 0 100%)');
  });
});

describe('severityMarkPath', () => {
  test('draws the shape centred on the point', () => {
    expect(severityMarkPath(0, 10, 10, 8)).toBe('M10,6L14,14L6,14Z');
    expect(severityMarkPath(1, 10, 10, 8)).toBe('M10,6L14,10L10,14L6,10Z');
  });
});
