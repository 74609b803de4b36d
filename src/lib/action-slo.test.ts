import { describe, expect, test } from 'vitest';
import { postmortemRecord } from '../../tests/postmortem-record';
import { DEFAULT_SEVERITY_SCALE } from '../schemas/severity';
import { buildActionLedger } from './action-items';
import { buildFollowThroughStats } from './action-slo';
import { buildCorpus } from './corpus';
import { duePolicyOf } from './due-dates';
import { defineSiteConfig } from './define-site-config';

const policy = duePolicyOf(defineSiteConfig({}));
// Both resolved on 1 January 2024 (UTC): SEV2 prevent items are due on 29 January, other items on 26 February.
const corpus = buildCorpus(
  [
    postmortemRecord('checkout', {
      severity: 'SEV2',
      services: ['checkout', 'payments'],
      actionItems: [
        { title: 'On time', owner: 'Platform team', status: 'done', closed: '2024-01-11' },
        { title: 'Late', owner: 'platform team', status: 'done', closed: '2024-02-10' },
        { title: 'Overdue', owner: 'SRE' },
        { title: 'Not due yet', owner: 'SRE', due: '2024-12-01' },
      ],
    }),
    postmortemRecord('search', {
      services: ['search'],
      actionItems: [
        { title: 'Detect', owner: 'SRE', type: 'detect', status: 'done', closed: '2024-02-26' },
        { title: 'Done, date unknown', owner: 'SRE', status: 'done' },
        { title: 'Dropped', owner: 'Ada', status: 'wont-do', closed: '2024-01-02' },
      ],
    }),
  ],
  DEFAULT_SEVERITY_SCALE,
);
const stats = buildFollowThroughStats(buildActionLedger(corpus.items, { today: '2024-03-01', policy }), 'UTC');

describe('buildFollowThroughStats', () => {
  test('gives each owner the median days to close and the share closed on time, overdue items counting as missed', () => {
    expect(stats.byOwner).toEqual([
      {
        key: 'platform-team',
        label: 'Platform team',
        closed: 2,
        medianDaysToClose: 25,
        closedOnTime: 1,
        overdue: 0,
        onTimeShare: 0.5,
      },
      { key: 'sre', label: 'SRE', closed: 1, medianDaysToClose: 56, closedOnTime: 1, overdue: 1, onTimeShare: 0.5 },
    ]);
  });

  test('counts an item for every service of its postmortem', () => {
    expect(stats.byService.map((row) => [row.key, row.closed, row.closedOnTime, row.overdue, row.onTimeShare])).toEqual(
      [
        ['checkout', 2, 1, 1, 1 / 3],
        ['payments', 2, 1, 1, 1 / 3],
        ['search', 1, 1, 0, 1],
      ],
    );
  });

  test('leaves out done items without a closed date and items dropped, and says how many', () => {
    expect(stats.doneWithoutClosedDate).toBe(1);
    expect(stats.byOwner.map((row) => row.key)).not.toContain('ada');
  });
});
