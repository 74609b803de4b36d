import { describe, expect, test } from 'vitest';
import { postmortemRecord } from '../../tests/postmortem-record';
import { DEFAULT_SEVERITY_SCALE } from '../schemas/severity';
import { buildActionLedger, compareByDue, completionRate, isOverdue, summariseActions } from './action-items';
import { buildCorpus } from './corpus';

const today = '2024-06-01';

describe('isOverdue', () => {
  test('is true for open or in-progress items due before today', () => {
    expect(isOverdue({ status: 'open', due: '2024-05-31' }, today)).toBe(true);
    expect(isOverdue({ status: 'in-progress', due: '2023-12-01' }, today)).toBe(true);
  });

  test('is false for an item due today, one without a due date, and finished ones', () => {
    expect(isOverdue({ status: 'open', due: '2024-06-01' }, today)).toBe(false);
    expect(isOverdue({ status: 'open', due: undefined }, today)).toBe(false);
    expect(isOverdue({ status: 'done', due: '2024-01-01' }, today)).toBe(false);
    expect(isOverdue({ status: 'wont-do', due: '2024-01-01' }, today)).toBe(false);
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
  test('puts the soonest first and items without a due date last', () => {
    const items = [{ due: undefined }, { due: '2024-05-01' }, { due: '2023-01-01' }].map((action) => ({ action }));
    expect(items.sort(compareByDue).map(({ action }) => action.due)).toEqual(['2023-01-01', '2024-05-01', undefined]);
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
  const ledger = buildActionLedger(corpus.items, today);

  test('sorts every item by due date, newest postmortem first on equal dates, undated last', () => {
    expect(ledger.entries.map((entry) => entry.action.title)).toEqual([
      'Write a runbook',
      'Cap retries',
      'Add an alert',
      'Raise the pool size',
      'Load test',
      'Rewrite everything',
    ]);
  });

  test('marks outstanding items due before the build date as overdue', () => {
    expect(ledger.entries.filter((entry) => entry.overdue).map((entry) => entry.action.title)).toEqual([
      'Cap retries',
      'Add an alert',
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
      overdue: 2,
      completionRate: 0.2,
    });
  });

  test('merges owners spelt differently, named as in the newest postmortem, sorted by name', () => {
    expect(ledger.owners.map((owner) => [owner.slug, owner.name, owner.summary.total, owner.summary.overdue])).toEqual([
      ['platform-team', 'platform team', 3, 2],
      ['sre', 'SRE', 3, 0],
    ]);
    expect(ledger.owners[1]!.groups.map((group) => group.entries.length)).toEqual([1, 0, 1, 1]);
  });

  test('links each entry to its postmortem', () => {
    expect(ledger.entries.find((entry) => entry.action.title === 'Load test')!.source.record.id).toBe('newer');
  });
});
