import { describe, expect, test } from 'vitest';
import { postmortemRecord } from '../../tests/postmortem-record';
import { DEFAULT_SEVERITY_SCALE } from '../schemas/severity';
import { buildActionLedger } from './action-items';
import { buildCorpus } from './corpus';
import { duePolicyOf } from './due-dates';
import { buildServiceHistories } from './service-history';
import { defineSiteConfig } from './define-site-config';

const corpus = buildCorpus(
  [
    postmortemRecord('first', {
      startedAt: '2023-03-01T10:00:00Z',
      resolvedAt: '2023-03-01T10:30:00Z',
      services: ['checkout'],
      actionItems: [
        { title: 'Overdue fix', owner: 'A', due: '2024-01-01' },
        { title: 'Done fix', owner: 'A', status: 'done' },
      ],
    }),
    postmortemRecord('second', {
      startedAt: '2024-02-01T10:00:00Z',
      resolvedAt: '2024-02-01T12:00:00Z',
      services: ['checkout', 'payments'],
      actionItems: [{ title: 'Later fix', owner: 'B', status: 'in-progress', due: '2024-09-01' }],
    }),
    postmortemRecord('third', {
      startedAt: '2024-05-01T10:00:00Z',
      resolvedAt: '2024-05-01T10:10:00Z',
      services: ['checkout'],
    }),
  ],
  DEFAULT_SEVERITY_SCALE,
);
const histories = buildServiceHistories(
  corpus.services,
  buildActionLedger(corpus.items, { today: '2024-06-01', policy: duePolicyOf(defineSiteConfig({})) }),
);

describe('buildServiceHistories', () => {
  test('totals downtime and takes its median', () => {
    const checkout = histories.get('checkout')!;
    expect([checkout.incidents, checkout.totalDowntimeMinutes, checkout.medianDowntimeMinutes]).toEqual([
      3,
      30 + 120 + 10,
      30,
    ]);
    expect(histories.get('payments')!.medianDowntimeMinutes).toBe(120);
  });

  test('names the newest incident as the last one', () => {
    expect(histories.get('checkout')!.lastIncident.record.id).toBe('third');
  });

  test('lists the open action items of the service’s postmortems, soonest due first, with how many are overdue', () => {
    const checkout = histories.get('checkout')!;
    expect(checkout.openActions.map((entry) => entry.action.title)).toEqual(['Overdue fix', 'Later fix']);
    expect(checkout.overdueActions).toBe(1);
    expect(histories.get('payments')!.openActions.map((entry) => entry.action.title)).toEqual(['Later fix']);
  });

  test('counts incidents and downtime per year, newest first', () => {
    expect(histories.get('checkout')!.perYear).toEqual([
      { year: '2024', incidents: 2, downtimeMinutes: 130 },
      { year: '2023', incidents: 1, downtimeMinutes: 30 },
    ]);
  });
});
