import { describe, expect, test } from 'vitest';
import {
  addDays,
  daysBetween,
  describeDuePolicy,
  duePolicyOf,
  policyWeeks,
  resolveDueDate,
  siteToday,
} from './due-dates';
import { defineSiteConfig } from './define-site-config';

const policy = duePolicyOf(defineSiteConfig({}));

describe('policyWeeks', () => {
  test('gives SEV1 and SEV2 prevent items 4 weeks and everything else 8 by default', () => {
    expect(policyWeeks(policy, 'SEV1', 'prevent')).toBe(4);
    expect(policyWeeks(policy, 'SEV2', 'prevent')).toBe(4);
    expect(policyWeeks(policy, 'SEV2', 'detect')).toBe(8);
    expect(policyWeeks(policy, 'SEV3', 'prevent')).toBe(8);
  });

  test('takes the first rule that covers the item, matching severities case-insensitively', () => {
    const custom = duePolicyOf(
      defineSiteConfig({
        followThrough: {
          dueWithin: [
            { severities: ['sev1'], weeks: 2 },
            { types: ['process'], weeks: 12 },
          ],
          defaultWeeks: 6,
        },
      }),
    );
    expect(policyWeeks(custom, 'SEV1', 'process')).toBe(2);
    expect(policyWeeks(custom, 'SEV3', 'process')).toBe(12);
    expect(policyWeeks(custom, 'SEV3', 'detect')).toBe(6);
  });
});

describe('the site config', () => {
  test('rejects a policy rule naming a severity the scale lacks', () => {
    expect(() => defineSiteConfig({ followThrough: { dueWithin: [{ severities: ['SEV 1'], weeks: 2 }] } })).toThrow(
      'followThrough.dueWithin[0].severities[0]: `SEV 1` is not a severity of this site; use one of SEV1, SEV2, SEV3, SEV4, SEV5',
    );
  });
});

describe('resolveDueDate', () => {
  const incident = { severity: 'SEV2', resolvedAt: new Date('2024-03-14T23:30:00Z') };

  test('gives an undated item the policy’s date, counted from resolvedAt’s date in the site’s zone', () => {
    expect(resolveDueDate({ type: 'prevent', due: undefined }, incident, policy)).toEqual({
      date: '2024-04-11',
      byPolicy: true,
      policyDate: '2024-04-11',
    });
    // 23:30 UTC on 14 March is already 15 March in Berlin.
    const berlin = duePolicyOf(defineSiteConfig({ defaultTimezone: 'Europe/Berlin' }));
    expect(resolveDueDate({ type: 'prevent', due: undefined }, incident, berlin).date).toBe('2024-04-12');
  });

  test('keeps a written due date and says what the policy would allow', () => {
    expect(resolveDueDate({ type: 'prevent', due: '2024-06-01' }, incident, policy)).toEqual({
      date: '2024-06-01',
      byPolicy: false,
      policyDate: '2024-04-11',
    });
  });
});

describe('describeDuePolicy', () => {
  test('says the policy in a sentence', () => {
    expect(describeDuePolicy(policy)).toBe(
      "SEV1 and SEV2 prevent items within 4 weeks, other items within 8 weeks of the incident's resolution.",
    );
    expect(describeDuePolicy({ dueWithin: [], defaultWeeks: 1 })).toBe(
      "Items within 1 week of the incident's resolution.",
    );
  });
});

describe('siteToday', () => {
  test('is the date in the site’s zone', () => {
    const now = new Date('2024-06-01T02:00:00Z');
    expect(siteToday(now, { timeZone: 'UTC' })).toBe('2024-06-01');
    expect(siteToday(now, { timeZone: 'America/Los_Angeles' })).toBe('2024-05-31');
  });
});

describe('addDays and daysBetween', () => {
  test('count calendar days across month ends and leap days', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
  });
});
