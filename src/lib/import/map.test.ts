import { describe, expect, test } from 'vitest';
import { SiteConfigSchema } from '../../schemas/site-config';
import { mapRecord, severityId } from './map';
import { emptyRecord } from './markdown';
import type { SourceRecord } from './source-record';

const config = SiteConfigSchema.parse({});
const record = (fields: Partial<SourceRecord>): SourceRecord => ({
  ...emptyRecord('markdown', 'old/a.md', 'markdown:old/a.md'),
  body: '## Root cause and resolution\n\nText.\n\n## Corrective and preventative measures\n\nText.',
  ...fields,
});
const at = (text: string) => ({ kind: 'local' as const, date: text.slice(0, 10), time: text.slice(11), text });

describe('severityId', () => {
  test('matches ids of the scale loosely, then the team’s import.severities', () => {
    expect(severityId('sev 2', config)).toEqual({ id: 'SEV2' });
    expect(severityId('Critical', config)).toEqual({ id: 'SEV1', rule: 'import.severities "critical"' });
    expect(severityId('P7', config)).toBeUndefined();
  });
});

describe('mapRecord', () => {
  test('writes a placeholder for every required value the source lacks, and makes the file a draft', () => {
    const mapped = mapRecord(record({}), { config });
    expect(mapped.placeholders.map((placeholder) => placeholder.field)).toEqual([
      'title',
      'summary',
      'severity',
      'startedAt',
      'resolvedAt',
      'services',
      'authors',
    ]);
    expect(mapped.frontmatter['status']).toBe('draft');
    expect(String(mapped.frontmatter['startedAt'])).toMatch(/^TODO: when impact began/);
    expect(mapped.startDate).toBeUndefined();
  });

  test('reads local times in --timezone, records the source and leaves a complete file published', () => {
    const mapped = mapRecord(
      record({
        title: { value: 'Checkout down', from: 'first heading' },
        summary: { value: 'Checkout failed.', from: 'section "Summary"' },
        severity: { value: 'SEV3', from: 'frontmatter `severity`' },
        startedAt: { value: at('2024-03-14 09:12'), from: 'frontmatter `date`' },
        resolvedAt: { value: at('2024-03-14 09:59'), from: 'frontmatter `end`' },
        services: { value: ['checkout'], from: 'frontmatter `service`' },
        authors: { value: ['Ada'], from: 'frontmatter `author`' },
      }),
      { config, timezone: 'Europe/Berlin' },
    );
    expect(mapped.placeholders).toEqual([]);
    expect(mapped.frontmatter).toMatchObject({ timezone: 'Europe/Berlin', source: 'markdown:old/a.md' });
    expect(String(mapped.frontmatter['startedAt'])).toBe('2024-03-14T09:12:00+01:00');
    expect('status' in mapped.frontmatter).toBe(false);
    expect(mapped.notes).toContainEqual({
      kind: 'zone',
      message: 'times without a zone read in Europe/Berlin (--timezone)',
    });
  });

  test('leaves timeline entries out of order in the body only, with a note', () => {
    const mapped = mapRecord(
      record({
        startedAt: { value: at('2024-03-14 09:00'), from: 'date' },
        resolvedAt: { value: at('2024-03-14 10:00'), from: 'end' },
        timeline: {
          from: 'section "Timeline"',
          value: [
            { at: at('2024-03-14 09:30'), event: 'Alert fired.', kind: 'detected' },
            { at: at('2024-03-14 09:10'), event: 'Deploy.', kind: 'trigger' },
          ],
        },
      }),
      { config },
    );
    expect((mapped.frontmatter['timeline'] as unknown[]).length).toBe(1);
    expect(mapped.notes.map((note) => note.message)).toContain(
      'timeline entry "2024-03-14 09:10 Deploy." left in the body only: it is out of order',
    );
  });

  test('adds missing required sections with a prompt, and a placeholder action item where the severity needs one', () => {
    const mapped = mapRecord(record({ body: 'Story.', severity: { value: 'SEV1', from: 'x' } }), { config });
    expect(mapped.body).toMatch(
      /^Story\.\n\n## Root cause and resolution\n\nTODO: .*\n\n## Corrective and preventative measures\n\nTODO: /,
    );
    expect(mapped.frontmatter['actionItems']).toEqual([
      {
        title: 'TODO: a task that prevents a repeat (SEV1 postmortems need action items)',
        owner: 'TODO: a person or team',
      },
    ]);
  });

  test('shortens a title past 140 characters, reads worded due dates, and drops labels without letters', () => {
    const mapped = mapRecord(
      record({
        title: { value: `${'Checkout '.repeat(20)}failed`, from: 'first heading' },
        tags: { value: ['db', '—'], from: 'frontmatter `tags`' },
        actionItems: { from: 'section', value: [{ title: 'Alert', owner: 'SRE', due: 'June 15, 2024' }] },
      }),
      { config },
    );
    expect(String(mapped.frontmatter['title'])).toBe(`${'Checkout '.repeat(15).trim()}…`);
    expect(mapped.frontmatter['tags']).toEqual(['db']);
    expect(mapped.frontmatter['actionItems']).toEqual([{ title: 'Alert', owner: 'SRE', due: '2024-06-15' }]);
    expect(mapped.notes.map((note) => note.message)).toEqual([
      "title shortened from 186 characters to the contract's 140",
      'tags: `—` has no letters or digits',
    ]);
  });

  test('keeps a timeline entry the schema would reject as a note, so the file meets the contract', () => {
    const mapped = mapRecord(
      record({
        startedAt: { value: at('2024-03-14 09:00'), from: 'date' },
        detectedAt: { value: at('2024-03-14 09:20'), from: 'detected' },
        resolvedAt: { value: at('2024-03-14 10:00'), from: 'end' },
        timeline: {
          from: 'section "Timeline"',
          value: [{ at: at('2024-03-14 09:30'), event: 'Alert fired.', kind: 'detected' }],
        },
      }),
      { config },
    );
    expect(mapped.frontmatter['timeline']).toMatchObject([{ event: 'Alert fired.', kind: 'note' }]);
    expect(mapped.notes.map((note) => note.message)).toContainEqual(
      expect.stringMatching(
        /^timeline entry "Alert fired\." kept as a note, not `detected`: the first `detected` entry/,
      ),
    );
  });
});
