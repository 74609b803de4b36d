import { describe, expect, test } from 'vitest';
import { SiteConfigSchema } from '../../schemas/site-config';
import { requiredSectionTitles } from '../sections';
import { readPostmortemsApp } from './postmortems-app';

const config = SiteConfigSchema.parse({});
const read = (text: string) =>
  readPostmortemsApp(text, {
    file: 'corpus/a.md',
    reference: 'postmortems-app:6f0c1d9e',
    config: config.import,
    requiredSections: requiredSectionTitles(config.sections),
  });

describe('readPostmortemsApp', () => {
  test('reads the corpus fields and links the original report', () => {
    const record = read(`---
uuid: 6f0c1d9e-2b47-4c1a-9a53-1e8f0d2c7a11
url: https://status.example.com/incidents/1
title: DNS failures
start_time: 2023-02-08T13:05:00Z
end_time: 2023-02-08T14:20:00Z
categories: [cloud, config-change]
keywords: [dns]
company: Example CDN
product: Edge DNS
---

Resolvers were overloaded.
`);
    expect([record.services?.value, record.tags?.value, record.trigger?.value]).toEqual([
      ['Edge DNS'],
      ['cloud', 'config-change', 'dns', 'Example CDN'],
      'config-change',
    ]);
    expect(record.body).toBe(
      'Resolvers were overloaded.\n\n[The original report](https://status.example.com/incidents/1)',
    );
  });

  test('takes the company as the service when no product is named, as a guess', () => {
    const record = read('---\nuuid: 1\ncompany: Example Social\nstart_time: 2021-05-19T22:10:00Z\n---\n\nText.\n');
    expect(record.services).toEqual({
      value: ['Example Social'],
      from: 'frontmatter `company`',
      guess: 'the company, as no product is named',
    });
  });
});
