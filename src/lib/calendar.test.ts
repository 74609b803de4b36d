import { describe, expect, test } from 'vitest';
import {
  formatMonth,
  formatShortMonth,
  formatShortQuarter,
  isAnniversary,
  localMonth,
  monthsEndingWith,
  quarterOfMonth,
  quartersEndingWith,
} from './calendar';

describe('localMonth', () => {
  test('reads the month in the given zone, not in UTC', () => {
    const instant = new Date('2024-04-01T03:30:00Z');
    expect(localMonth(instant, 'UTC')).toBe('2024-04');
    expect(localMonth(instant, 'America/Chicago')).toBe('2024-03');
  });
});

describe('monthsEndingWith', () => {
  test('counts back across a year boundary, oldest first', () => {
    expect(monthsEndingWith('2024-02', 4)).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
  });
});

describe('quarterOfMonth', () => {
  test('puts each month in its quarter', () => {
    expect(['2024-01', '2024-03', '2024-04', '2024-09', '2024-12'].map(quarterOfMonth)).toEqual([
      '2024-Q1',
      '2024-Q1',
      '2024-Q2',
      '2024-Q3',
      '2024-Q4',
    ]);
  });
});

describe('quartersEndingWith', () => {
  test('ends with the quarter of the month, whichever month of it that is', () => {
    expect(quartersEndingWith('2024-05', 3)).toEqual(['2023-Q4', '2024-Q1', '2024-Q2']);
    expect(quartersEndingWith('2024-06', 3)).toEqual(['2023-Q4', '2024-Q1', '2024-Q2']);
    expect(quartersEndingWith('2024-01', 2)).toEqual(['2023-Q4', '2024-Q1']);
  });
});

describe('formatMonth', () => {
  test('writes the month out, long or short', () => {
    expect(formatMonth('2024-03')).toBe('March 2024');
    expect(formatShortMonth('2024-03')).toBe('Mar 2024');
  });

  test('writes a quarter short for an axis', () => {
    expect(formatShortQuarter('2025-Q1')).toBe('Q1 ’25');
  });
});

describe('isAnniversary', () => {
  test('matches the same month and day in an earlier year only', () => {
    expect(isAnniversary('2023-06-01', '2024-06-01')).toBe(true);
    expect(isAnniversary('2024-06-01', '2024-06-01')).toBe(false);
    expect(isAnniversary('2025-06-01', '2024-06-01')).toBe(false);
    expect(isAnniversary('2023-06-02', '2024-06-01')).toBe(false);
  });

  test('remembers 29 February on 28 February in common years', () => {
    expect(isAnniversary('2020-02-29', '2023-02-28')).toBe(true);
    expect(isAnniversary('2020-02-29', '2024-02-28')).toBe(false);
    expect(isAnniversary('2020-02-29', '2024-02-29')).toBe(true);
  });
});
