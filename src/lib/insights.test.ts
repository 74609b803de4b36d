import { describe, expect, test } from 'vitest';
import { postmortemRecord } from '../../tests/postmortem-record';
import { DEFAULT_SEVERITY_SCALE } from '../schemas/severity';
import { buildCorpus } from './corpus';
import { duePolicyOf } from './due-dates';
import { buildInsights } from './insights';
import { defineSiteConfig } from './define-site-config';

describe('buildInsights', () => {
  const corpus = buildCorpus(
    [
      postmortemRecord('2023-05-31-anniversary', {
        startedAt: '2023-05-31T10:00:00Z',
        resolvedAt: '2023-05-31T11:00:00Z',
        actionItems: [{ title: 'Fix', owner: 'A', due: '2024-05-30' }],
      }),
      postmortemRecord('2024-05-20-recent', {
        startedAt: '2024-05-20T10:00:00Z',
        resolvedAt: '2024-05-20T11:00:00Z',
        actionItems: [{ title: 'Other fix', owner: 'A', due: '2024-05-31' }],
      }),
    ],
    DEFAULT_SEVERITY_SCALE,
  );

  test('reads "today" from the build date in the site’s zone', () => {
    // 00:30 UTC on 1 June is still 31 May in New York.
    const insights = buildInsights(corpus, {
      buildDate: new Date('2024-06-01T00:30:00Z'),
      policy: duePolicyOf(defineSiteConfig({ defaultTimezone: 'America/New_York' })),
    });
    expect(insights.today).toBe('2024-05-31');
    expect(insights.ledger.summary.overdue).toBe(1);
    expect(insights.onThisDay.map((item) => item.record.id)).toEqual(['2023-05-31-anniversary']);
    expect(insights.stats.perMonth.at(-1)!.month).toBe('2024-05');
  });

  test('spans service strips from the oldest incident to the build date', () => {
    const buildDate = new Date('2024-06-01T00:00:00Z');
    const insights = buildInsights(corpus, { buildDate, policy: duePolicyOf(defineSiteConfig({})) });
    expect(insights.historySpan).toEqual({ start: new Date('2023-05-31T10:00:00Z'), end: buildDate });
    expect(insights.recent.total).toBe(1);
  });
});
