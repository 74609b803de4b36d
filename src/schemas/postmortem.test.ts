import { describe, expect, test } from 'vitest';
import { createPostmortemSchema } from './postmortem';
import { DEFAULT_SEVERITY_SCALE } from './severity';

const schema = createPostmortemSchema({ severities: DEFAULT_SEVERITY_SCALE, defaultTimezone: 'UTC' });

/** A minimal valid frontmatter, as YAML would give it (date-times as strings). */
function valid(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Checkout timeouts',
    summary: 'Checkout failed for 47 minutes.',
    severity: 'SEV2',
    startedAt: '2024-03-14T09:12:00Z',
    resolvedAt: '2024-03-14T09:59:00Z',
    services: ['checkout'],
    authors: ['Ada Lovelace'],
    ...overrides,
  };
}

function messages(input: Record<string, unknown>): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

function parse(input: Record<string, unknown>) {
  return schema.parse(input);
}

describe('postmortem schema', () => {
  test('accepts a minimal postmortem and fills in defaults', () => {
    const data = parse(valid());
    expect(data).toMatchObject({
      status: 'published',
      visibility: 'internal',
      timezone: 'UTC',
      tags: [],
      escalatedTo: [],
      timeline: [],
      actionItems: [],
      related: [],
    });
    expect(data.startedAt).toEqual(new Date('2024-03-14T09:12:00Z'));
  });

  describe('title and summary', () => {
    test('requires both', () => {
      expect(messages(valid({ title: undefined }))).toEqual([expect.stringMatching(/^title: /)]);
      expect(messages(valid({ summary: '   ' }))).toEqual(['summary: a summary must not be empty']);
    });

    test('limits the title to 140 characters', () => {
      expect(messages(valid({ title: 'x'.repeat(140) }))).toEqual([]);
      expect(messages(valid({ title: 'x'.repeat(141) }))).toEqual(['title: keep the title to 140 characters or fewer']);
    });

    test('rejects a title that is not text', () => {
      expect(messages(valid({ title: 2024 }))).toEqual(['title: expected a title as text']);
    });
  });

  describe('severity', () => {
    test('matches ids of the scale case-insensitively and normalises them', () => {
      expect(parse(valid({ severity: 'sev1' })).severity).toBe('SEV1');
    });

    test('rejects an id outside the scale, listing the valid ones', () => {
      expect(messages(valid({ severity: 'SEV0' }))).toEqual([
        'severity: `SEV0` is not a severity of this site; use one of SEV1, SEV2, SEV3, SEV4, SEV5',
      ]);
    });

    test('follows a custom scale', () => {
      const custom = createPostmortemSchema({ severities: [{ id: 'P1' }, { id: 'P2' }], defaultTimezone: 'UTC' });
      expect(custom.safeParse(valid({ severity: 'p2' })).success).toBe(true);
      expect(custom.safeParse(valid({ severity: 'SEV2' })).success).toBe(false);
    });
  });

  test.each([
    ['status', 'archived'],
    ['visibility', 'secret'],
    ['detection', 'psychic'],
    ['trigger', 'gremlins'],
  ])('rejects an unknown %s', (field, value) => {
    expect(messages(valid({ [field]: value }))).toEqual([
      expect.stringMatching(new RegExp(`^${field}: expected a .*: one of `)),
    ]);
  });

  describe('date-times', () => {
    test('require an offset or Z', () => {
      expect(messages(valid({ startedAt: '2024-03-14T09:12:00' }))).toEqual([
        expect.stringContaining('startedAt: `2024-03-14T09:12:00` is not an ISO 8601 date-time with an offset'),
      ]);
    });

    test('must be text, not a YAML date', () => {
      expect(messages(valid({ resolvedAt: new Date() }))).toEqual([
        expect.stringMatching(/^resolvedAt: expected a date-time in quotes/),
      ]);
    });

    test('require resolvedAt at or after startedAt', () => {
      expect(messages(valid({ resolvedAt: '2024-03-14T09:11:00Z' }))).toEqual([
        'resolvedAt: resolvedAt is before startedAt; an incident must end after it starts',
      ]);
      expect(messages(valid({ resolvedAt: '2024-03-14T09:12:00Z' }))).toEqual([]);
    });

    test('require detectedAt and mitigatedAt within the incident', () => {
      expect(messages(valid({ detectedAt: '2024-03-14T09:00:00Z', mitigatedAt: '2024-03-14T10:00:00Z' }))).toEqual([
        'detectedAt: detectedAt must lie between startedAt and resolvedAt',
        'mitigatedAt: mitigatedAt must lie between startedAt and resolvedAt',
      ]);
      expect(messages(valid({ detectedAt: '2024-03-14T09:12:00Z', mitigatedAt: '2024-03-14T09:59:00Z' }))).toEqual([]);
    });
  });

  describe('timezone', () => {
    test('defaults to the site zone and accepts any IANA zone', () => {
      const site = createPostmortemSchema({ severities: DEFAULT_SEVERITY_SCALE, defaultTimezone: 'Europe/London' });
      expect(site.parse(valid()).timezone).toBe('Europe/London');
      expect(parse(valid({ timezone: 'asia/tokyo' })).timezone).toBe('Asia/Tokyo');
    });

    test('rejects an unknown zone', () => {
      expect(messages(valid({ timezone: 'Europe/Atlantis' }))).toEqual([
        expect.stringContaining('timezone: `Europe/Atlantis` is not an IANA time zone'),
      ]);
    });
  });

  describe('services and tags', () => {
    test('are normalised to lowercase kebab-case and de-duplicated', () => {
      const data = parse(
        valid({
          services: ['Payments API', 'payments-api', 'Checkout'],
          tags: ['Postgres', 'postgres', 'Rate Limiting'],
        }),
      );
      expect(data.services).toEqual(['payments-api', 'checkout']);
      expect(data.tags).toEqual(['postgres', 'rate-limiting']);
    });

    test('require at least one service', () => {
      expect(messages(valid({ services: [] }))).toEqual(['services: name at least one service, e.g. [checkout]']);
      expect(messages(valid({ services: undefined }))).toHaveLength(1);
    });

    test('reject a label with no letters or digits', () => {
      expect(messages(valid({ tags: ['!!!'] }))).toEqual([
        'tags.0: `!!!` has no letters or digits; use a name such as "checkout"',
      ]);
    });
  });

  test('requires at least one author', () => {
    expect(messages(valid({ authors: [] }))).toEqual(['authors: name at least one author']);
  });

  describe('impact', () => {
    test('accepts a share from 0 to 100 and known categories', () => {
      expect(parse(valid({ impact: { usersAffectedPct: 12.5, categories: ['data-loss'] } })).impact).toEqual({
        usersAffectedPct: 12.5,
        categories: ['data-loss'],
      });
    });

    test('rejects a share outside 0–100 and unknown categories', () => {
      expect(messages(valid({ impact: { usersAffectedPct: 120 } }))).toEqual([
        'impact.usersAffectedPct: must be between 0 and 100',
      ]);
      expect(messages(valid({ impact: { usersAffectedPct: -1 } }))).toEqual([
        'impact.usersAffectedPct: must be between 0 and 100',
      ]);
      expect(messages(valid({ impact: { categories: ['meh'] } }))).toEqual([
        expect.stringMatching(/^impact.categories.0: expected an impact category/),
      ]);
    });
  });

  describe('timeline', () => {
    test('resolves HH:MM in the incident zone and defaults kind to note', () => {
      const data = parse(
        valid({
          timezone: 'Europe/Berlin',
          startedAt: '2024-03-14T09:12:00+01:00',
          resolvedAt: '2024-03-14T10:00:00+01:00',
          timeline: [
            { at: '09:12', event: 'Errors start' },
            { at: '09:20', event: 'Alert', kind: 'detected' },
          ],
        }),
      );
      expect(data.timeline).toEqual([
        { at: new Date('2024-03-14T08:12:00Z'), event: 'Errors start', kind: 'note' },
        { at: new Date('2024-03-14T08:20:00Z'), event: 'Alert', kind: 'detected' },
      ]);
    });

    test('derives detectedAt and mitigatedAt from the timeline when absent', () => {
      const data = parse(
        valid({
          timeline: [
            { at: '09:20', event: 'Alert', kind: 'detected' },
            { at: '09:40', event: 'Rolled back', kind: 'mitigated' },
          ],
        }),
      );
      expect(data.detectedAt).toEqual(new Date('2024-03-14T09:20:00Z'));
      expect(data.mitigatedAt).toEqual(new Date('2024-03-14T09:40:00Z'));
    });

    test('rejects an unknown kind and an empty event', () => {
      expect(messages(valid({ timeline: [{ at: '09:20', event: 'x', kind: 'panic' }] }))).toEqual([
        expect.stringMatching(/^timeline.0.kind: expected a timeline kind/),
      ]);
      expect(messages(valid({ timeline: [{ at: '09:20', event: '' }] }))).toEqual([
        'timeline.0.event: the event must not be empty',
      ]);
    });

    test('rejects an entry that is not HH:MM or a date-time with offset', () => {
      expect(messages(valid({ timeline: [{ at: '9.20am', event: 'x' }] }))).toEqual([
        expect.stringMatching(/^timeline.0.at: `9.20am`: expected "HH:MM"/),
      ]);
    });

    test('rejects entries out of order', () => {
      expect(
        messages(
          valid({
            timeline: [
              { at: '2024-03-14T09:30:00Z', event: 'a' },
              { at: '2024-03-14T09:20:00Z', event: 'b' },
            ],
          }),
        ),
      ).toEqual([expect.stringMatching(/^timeline.1.at: .* before the entry above it/)]);
    });

    test('rejects a detected or mitigated entry before startedAt when it stands for detectedAt or mitigatedAt', () => {
      expect(
        messages(
          valid({
            timeline: [
              { at: '2024-03-14T09:00:00Z', event: 'Alert', kind: 'detected' },
              { at: '2024-03-14T09:05:00Z', event: 'Rolled back', kind: 'mitigated' },
            ],
          }),
        ),
      ).toEqual([
        'timeline.0.at: detectedAt comes from the first `detected` entry, and `2024-03-14T09:00:00Z` resolves to 2024-03-14 09:00 UTC, before startedAt (2024-03-14 09:12 UTC): time to detect would be negative; correct the time, or set detectedAt between startedAt and resolvedAt',
        'timeline.1.at: mitigatedAt comes from the first `mitigated` entry, and `2024-03-14T09:05:00Z` resolves to 2024-03-14 09:05 UTC, before startedAt (2024-03-14 09:12 UTC): time to mitigate would be negative; correct the time, or set mitigatedAt between startedAt and resolvedAt',
      ]);
    });

    test('rejects a detected, mitigated or resolved entry that disagrees with the field, and accepts one that agrees to the minute', () => {
      const timeline = [
        { at: '09:20', event: 'Alert', kind: 'detected' },
        { at: '09:40', event: 'Rolled back', kind: 'mitigated' },
        { at: '09:58', event: 'All clear', kind: 'resolved' },
      ];
      expect(
        messages(
          valid({
            timeline,
            detectedAt: '2024-03-14T09:20:30Z',
            mitigatedAt: '2024-03-14T10:40:00+01:00',
            resolvedAt: '2024-03-14T09:58:00Z',
          }),
        ),
      ).toEqual([]);
      expect(messages(valid({ timeline, detectedAt: '2024-03-14T09:25:00Z' }))).toEqual([
        'timeline.0.at: the first `detected` entry, `09:20` resolves to 2024-03-14 09:20 UTC ("HH:MM" is on startedAt\'s date in the timezone, and a day later each time it is earlier than the "HH:MM" above it), disagrees with detectedAt (2024-03-14 09:25 UTC); make them the same moment, or remove detectedAt to take it from the timeline',
        'timeline.2.at: the first `resolved` entry, `09:58` resolves to 2024-03-14 09:58 UTC ("HH:MM" is on startedAt\'s date in the timezone, and a day later each time it is earlier than the "HH:MM" above it), disagrees with resolvedAt (2024-03-14 09:59 UTC); make them the same moment',
      ]);
    });

    test('says where an HH:MM entry rolled over to when it lands outside the incident', () => {
      const [message] = messages(
        valid({
          timeline: [
            { at: '09:30', event: 'a' },
            { at: '09:20', event: 'b' },
            { at: '09:10', event: 'c' },
          ],
        }),
      );
      expect(message).toBe(
        'timeline.2.at: `09:10` resolves to 2024-03-16 09:10 UTC ("HH:MM" is on startedAt\'s date in the timezone, and a day later each time it is earlier than the "HH:MM" above it), more than a day outside startedAt–resolvedAt (2024-03-14 09:12 UTC to 2024-03-14 09:59 UTC); check the time or write a full date-time',
      );
    });

    test('accepts entries up to a day outside the incident and rejects the rest', () => {
      expect(messages(valid({ timeline: [{ at: '2024-03-13T09:30:00Z', event: 'deploy', kind: 'trigger' }] }))).toEqual(
        [],
      );
      expect(messages(valid({ timeline: [{ at: '2024-03-12T09:00:00Z', event: 'deploy' }] }))).toEqual([
        expect.stringMatching(/^timeline.0.at: .* more than a day outside startedAt–resolvedAt/),
      ]);
    });
  });

  describe('action items', () => {
    test('default type and status', () => {
      expect(parse(valid({ actionItems: [{ title: 'Add alert', owner: 'SRE' }] })).actionItems).toEqual([
        { title: 'Add alert', owner: 'SRE', type: 'prevent', status: 'open' },
      ]);
    });

    test('require an owner', () => {
      expect(messages(valid({ actionItems: [{ title: 'Add alert' }] }))).toEqual([
        expect.stringMatching(/^actionItems.0.owner: /),
      ]);
    });

    test('accept only http(s) tickets', () => {
      expect(
        messages(valid({ actionItems: [{ title: 'a', owner: 'b', ticket: 'https://jira.example/OPS-1' }] })),
      ).toEqual([]);
      expect(messages(valid({ actionItems: [{ title: 'a', owner: 'b', ticket: 'javascript:alert(1)' }] }))).toEqual([
        'actionItems.0.ticket: expected an http:// or https:// URL to the ticket',
      ]);
    });

    test('accept a due date written YYYY-MM-DD that exists', () => {
      expect(messages(valid({ actionItems: [{ title: 'a', owner: 'b', due: '2024-04-30' }] }))).toEqual([]);
      expect(messages(valid({ actionItems: [{ title: 'a', owner: 'b', due: '2024-04-31' }] }))).toEqual([
        'actionItems.0.due: `2024-04-31` is not a date written YYYY-MM-DD, e.g. 2024-04-30',
      ]);
    });

    test('reject unknown type and status', () => {
      expect(
        messages(valid({ actionItems: [{ title: 'a', owner: 'b', type: 'pray', status: 'maybe' }] })),
      ).toHaveLength(2);
    });
  });

  test('rejects unknown fields, naming them', () => {
    expect(messages(valid({ resolvdAt: 'x' }))).toEqual([expect.stringContaining('unknown field `resolvdAt`')]);
  });
});
