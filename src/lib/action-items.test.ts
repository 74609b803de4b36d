import { describe, expect, test } from 'vitest';
import { postmortemRecord } from '../../tests/postmortem-record';
import { DEFAULT_SEVERITY_SCALE } from '../schemas/severity';
import {
  buildActionLedger,
  compareByDue,
  completionRate,
  daysOverdue,
  isOverdue,
  summariseActions,
} from './action-items';
import { buildCorpus } from './corpus';
import { duePolicyOf } from './due-dates';
import { defineSiteConfig } from './define-site-config';

const today = '2024-06-01';
const policy = duePolicyOf(defineSiteConfig({}));

describe('isOverdue', () => {
  test('is true for open or in-progress items due before today', () => {
    expect(isOverdue({ status: 'open' }, '2024-05-31', today)).toBe(true);
    expect(isOverdue({ status: 'in-progress' }, '2023-12-01', today)).toBe(true);
  });

  test('is false for an item due today and finished ones', () => {
    expect(isOverdue({ status: 'open' }, '2024-06-01', today)).toBe(false);
    expect(isOverdue({ status: 'done' }, '2024-01-01', today)).toBe(false);
    expect(isOverdue({ status: 'wont-do' }, '2024-01-01', today)).toBe(false);
  });
});

describe('daysOverdue', () => {
  test('counts calendar days past due, across months and leap days', () => {
    expect(daysOverdue({ status: 'open' }, '2024-05-31', today)).toBe(1);
    expect(daysOverdue({ status: 'open' }, '2024-02-28', today)).toBe(94);
  });

  test('is 0 for items not yet due and finished ones', () => {
    expect(daysOverdue({ status: 'open' }, '2024-06-20', today)).toBe(0);
    expect(daysOverdue({ status: 'done' }, '2024-01-01', today)).toBe(0);
  });
});

describe('completionRate', () => {
  test('is done ÷ (all − won’t do)', () => {
    expect(completionRate({ open: 2, 'in-progress': 1, done: 3, 'wont-do': 2 })).toBe(0.5);
    expect(completionRate({ open: 0, 'in-progress': 0, done: 4, 'wont-do': 0 })).toBe(1);
  });

  test('is null when nothing was meant to be done', () => {
    expect(completionRate({ open: 0, 'in-progress': 0, done: 0, 'wont-do': 0 })).toBeNull();
    expect(completionRate({ open: 0, 'in-progress': 0, done: 0, 'wont-do': 3 })).toBeNull();
  });
});

describe('summariseActions', () => {
  test('counts by status, outstanding and overdue', () => {
    const entries = [
      { action: { status: 'open' as const }, overdue: true },
      { action: { status: 'open' as const }, overdue: false },
      { action: { status: 'in-progress' as const }, overdue: true },
      { action: { status: 'done' as const }, overdue: false },
      { action: { status: 'wont-do' as const }, overdue: false },
    ];
    expect(summariseActions(entries)).toEqual({
      total: 5,
      byStatus: { open: 2, 'in-progress': 1, done: 1, 'wont-do': 1 },
      outstanding: 3,
      overdue: 2,
      completionRate: 0.25,
    });
  });
});

describe('compareByDue', () => {
  test('puts the soonest first', () => {
    const items = ['2024-05-01', '2023-01-01', '2024-05-02'].map((date) => ({ due: { date } }));
    expect(items.sort(compareByDue).map(({ due }) => due.date)).toEqual(['2023-01-01', '2024-05-01', '2024-05-02']);
  });
});

describe('buildActionLedger', () => {
  const corpus = buildCorpus(
    [
      postmortemRecord('older', {
        startedAt: '2024-01-01T10:00:00Z',
        resolvedAt: '2024-01-01T11:00:00Z',
        actionItems: [
          { title: 'Add an alert', owner: 'Platform Team', due: '2024-05-01' },
          { title: 'Write a runbook', owner: 'SRE', status: 'done', due: '2024-02-01' },
          { title: 'Rewrite everything', owner: 'SRE', status: 'wont-do' },
        ],
      }),
      postmortemRecord('newer', {
        startedAt: '2024-04-01T10:00:00Z',
        resolvedAt: '2024-04-01T11:00:00Z',
        actionItems: [
          { title: 'Raise the pool size', owner: 'platform team', status: 'in-progress', due: '2024-07-01' },
          { title: 'Load test', owner: 'SRE' },
          { title: 'Cap retries', owner: 'Platform team', due: '2024-05-01' },
        ],
      }),
    ],
    DEFAULT_SEVERITY_SCALE,
  );
  const ledger = buildActionLedger(corpus.items, { today, policy });

  test('sorts every item by due date, written or by policy, newest postmortem first on equal dates', () => {
    expect(ledger.entries.map((entry) => [entry.action.title, entry.due.date, entry.due.byPolicy])).toEqual([
      ['Write a runbook', '2024-02-01', false],
      // SEV3 items are due 8 weeks after resolvedAt by the default policy.
      ['Rewrite everything', '2024-02-26', true],
      ['Cap retries', '2024-05-01', false],
      ['Add an alert', '2024-05-01', false],
      ['Load test', '2024-05-27', true],
      ['Raise the pool size', '2024-07-01', false],
    ]);
  });

  test('marks outstanding items due before the build date as overdue, by how many days', () => {
    expect(
      ledger.entries.filter((entry) => entry.overdue).map((entry) => [entry.action.title, entry.daysOverdue]),
    ).toEqual([
      ['Cap retries', 31],
      ['Add an alert', 31],
      ['Load test', 5],
    ]);
  });

  test('lists each postmortem’s entries in the order written', () => {
    expect(ledger.byPostmortem.get('newer')!.map((entry) => [entry.index, entry.action.title])).toEqual([
      [0, 'Raise the pool size'],
      [1, 'Load test'],
      [2, 'Cap retries'],
    ]);
  });

  test('groups by status in the schema’s order, empty groups included', () => {
    expect(ledger.groups.map((group) => [group.status, group.entries.map((entry) => entry.action.title)])).toEqual([
      ['open', ['Cap retries', 'Add an alert', 'Load test']],
      ['in-progress', ['Raise the pool size']],
      ['done', ['Write a runbook']],
      ['wont-do', ['Rewrite everything']],
    ]);
  });

  test('counts the whole ledger', () => {
    expect(ledger.summary).toEqual({
      total: 6,
      byStatus: { open: 3, 'in-progress': 1, done: 1, 'wont-do': 1 },
      outstanding: 4,
      overdue: 3,
      completionRate: 0.2,
    });
  });

  test('merges owners spelt differently, named as in the newest postmortem, sorted by name', () => {
    expect(ledger.owners.map((owner) => [owner.slug, owner.name, owner.summary.total, owner.summary.overdue])).toEqual([
      ['platform-team', 'platform team', 3, 2],
      ['sre', 'SRE', 3, 1],
    ]);
    expect(ledger.owners[1]!.groups.map((group) => group.entries.length)).toEqual([1, 0, 1, 1]);
  });

  test('links each entry to its postmortem', () => {
    expect(ledger.entries.find((entry) => entry.action.title === 'Load test')!.source.record.id).toBe('newer');
  });
});
