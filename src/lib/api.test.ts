import { describe, expect, test } from 'vitest';
import { createPostmortemSchema } from '../schemas/postmortem';
import { DEFAULT_SEVERITY_SCALE } from '../schemas/severity';
import { toApiDocument } from './api';
import { buildCorpus } from './corpus';

const schema = createPostmortemSchema({ severities: DEFAULT_SEVERITY_SCALE, defaultTimezone: 'UTC' });

describe('toApiDocument', () => {
  test('gives instants in ISO UTC, durations in minutes and null for the unknown', () => {
    const data = schema.parse({
      title: 'DNS',
      summary: 'Resolver crashed.',
      severity: 'SEV4',
      startedAt: '2024-03-20T23:30:00+01:00',
      resolvedAt: '2024-03-21T00:40:00+01:00',
      timezone: 'Europe/Paris',
      services: ['dns'],
      authors: ['Grace'],
      timeline: [
        { at: '23:45', event: 'Paged', kind: 'detected' },
        { at: '00:20', event: 'Restarted' },
      ],
      actionItems: [{ title: 'Second resolver', owner: 'SRE' }],
    });
    const corpus = buildCorpus([{ id: '2024-03-20-dns', data }], DEFAULT_SEVERITY_SCALE);
    const document = toApiDocument(
      corpus.items,
      (id) => `https://example.com/postmortems/${id}/`,
      new Date('2024-06-01T00:00:00Z'),
    );
    expect(document).toMatchInlineSnapshot(`
      {
        "count": 1,
        "generatedAt": "2024-06-01T00:00:00.000Z",
        "postmortems": [
          {
            "actionItems": [
              {
                "due": null,
                "owner": "SRE",
                "status": "open",
                "ticket": null,
                "title": "Second resolver",
                "type": "prevent",
              },
            ],
            "authors": [
              "Grace",
            ],
            "detectedAt": "2024-03-20T22:45:00.000Z",
            "detection": null,
            "durationMinutes": 70,
            "escalatedTo": [],
            "fields": {},
            "id": "2024-03-20-dns",
            "impact": null,
            "mitigatedAt": null,
            "notRepeatOf": [],
            "related": [],
            "repeatChain": [],
            "repeats": [],
            "resolvedAt": "2024-03-20T23:40:00.000Z",
            "services": [
              "dns",
            ],
            "severity": "SEV4",
            "similar": [],
            "startedAt": "2024-03-20T22:30:00.000Z",
            "status": "published",
            "summary": "Resolver crashed.",
            "tags": [],
            "timeToDetectMinutes": 15,
            "timeToMitigateMinutes": null,
            "timeline": [
              {
                "at": "2024-03-20T22:45:00.000Z",
                "event": "Paged",
                "kind": "detected",
              },
              {
                "at": "2024-03-20T23:20:00.000Z",
                "event": "Restarted",
                "kind": "note",
              },
            ],
            "timezone": "Europe/Paris",
            "title": "DNS",
            "trigger": null,
            "url": "https://example.com/postmortems/2024-03-20-dns/",
            "visibility": "internal",
          },
        ],
      }
    `);
  });

  test('gives each postmortem its repeat chain and the reasons of its repeats and similar incidents', () => {
    const pool = (id: string, day: string, related: string[] = []) => ({
      id,
      data: schema.parse({
        title: 'Checkout pool exhausted',
        summary: 'The connection pool of checkout-db ran out as max_connections was lowered.',
        severity: 'SEV2',
        startedAt: `2024-03-${day}T10:00:00Z`,
        resolvedAt: `2024-03-${day}T11:00:00Z`,
        services: ['checkout'],
        trigger: 'config-change',
        authors: ['Ada'],
        related,
      }),
    });
    const corpus = buildCorpus(
      [pool('2024-03-01-first', '01'), pool('2024-03-20-second', '20', ['2024-03-01-first'])],
      DEFAULT_SEVERITY_SCALE,
    );
    const [second, first] = toApiDocument(corpus.items, (id) => id, new Date(0)).postmortems;
    expect(second).toMatchObject({
      related: ['2024-03-01-first'],
      similar: [],
      repeats: [
        {
          id: '2024-03-01-first',
          score: 14,
          textSimilarity: 1,
          shared: {
            services: ['checkout'],
            tags: [],
            trigger: 'config-change',
            terms: expect.arrayContaining(['max_connections', 'connection pool']) as string[],
          },
        },
      ],
      repeatChain: ['2024-03-01-first', '2024-03-20-second'],
    });
    expect(first).toMatchObject({ repeats: [], repeatChain: ['2024-03-01-first', '2024-03-20-second'] });
    expect(first!.similar.map((link) => link.id)).toEqual(['2024-03-20-second']);
  });
});
