import { describe, expect, test } from 'vitest';
import { SiteConfigSchema } from '../../schemas/site-config';
import { requiredSectionTitles } from '../sections';
import { readCstate } from './cstate';

const config = SiteConfigSchema.parse({});
const read = (text: string) =>
  readCstate(text, {
    file: 'content/issues/a.md',
    reference: 'cstate:content/issues/a.md',
    config: config.import,
    requiredSections: requiredSectionTitles(config.sections),
  });

const ISSUE = `---
title: API errors
date: 2024-02-20 14:02:00
resolved: true
resolvedWhen: 2024-02-20 15:10:00
severity: disrupted
affected: [API]
section: issue
---

{{< track "2024-02-20 15:10:00" >}}

*Resolved* - Error rates are back to normal.

{{< track "2024-02-20 14:10:00" >}}

*Investigating* - We see errors. {{< figure src="x.png" >}}
`;

describe('readCstate', () => {
  test('turns track updates into a timeline, oldest first, with kinds from their words', () => {
    const record = read(ISSUE);
    expect(record.timeline?.value.map((entry) => [entry.at.text, entry.kind, entry.event])).toEqual([
      ['2024-02-20 14:10:00', 'action', 'Investigating - We see errors.'],
      ['2024-02-20 15:10:00', 'resolved', 'Resolved - Error rates are back to normal.'],
    ]);
    expect(record.summary?.value).toBe('Investigating - We see errors.');
  });

  test('reads the fields, turns shortcodes into bold times and drops the others with a note', () => {
    const record = read(ISSUE);
    expect([record.severity?.value, record.services?.value, record.resolvedAt?.from]).toEqual([
      'disrupted',
      ['API'],
      'frontmatter `resolvedWhen`',
    ]);
    expect(record.body).toContain('**2024-02-20 15:10:00**');
    expect(record.body).not.toContain('{{');
    expect(record.notes).toContainEqual({ kind: 'dropped', message: '1 Hugo shortcode dropped' });
  });

  test('takes no end time from an unresolved issue', () => {
    expect(read(ISSUE.replace('resolved: true', 'resolved: false')).resolvedAt).toBeUndefined();
  });
});
