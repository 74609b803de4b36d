import { describe, expect, test } from 'vitest';
import { SectionsConfigSchema } from '../schemas/sections';
import { SiteConfigSchema } from '../schemas/site-config';
import { requiredSectionTitles, sectionsFor } from './sections';
import { describeIssue } from './zod-issues';

describe('sectionsFor', () => {
  test('is the classic template by default, requiring the sections it always required', () => {
    const config = SectionsConfigSchema.parse({});
    expect(sectionsFor(config, 'SEV3').map((section) => section.title)).toEqual([
      'Issue summary',
      'Timeline',
      'Root cause and resolution',
      'Corrective and preventative measures',
      'Lessons learned',
    ]);
    expect(requiredSectionTitles(config)).toEqual([
      'Root cause and resolution',
      'Corrective and preventative measures',
    ]);
  });

  test("makes a template's section required for a severity, in its place, and adds the severity's others at the end", () => {
    const config = SectionsConfigSchema.parse({
      bySeverity: { SEV1: [{ title: 'lessons  learned' }, { title: 'Customer communication' }] },
    });
    expect(requiredSectionTitles(config, 'sev1')).toEqual([
      'Root cause and resolution',
      'Corrective and preventative measures',
      'lessons  learned',
      'Customer communication',
    ]);
    expect(sectionsFor(config, 'SEV1').at(-1)).toMatchObject({ forSeverity: 'SEV1', prompt: 'Write this section.' });
    expect(requiredSectionTitles(config, 'SEV2')).toEqual(requiredSectionTitles(config));
  });

  test("takes a team's own list", () => {
    const config = SectionsConfigSchema.parse({
      template: [{ title: 'What happened' }, { title: 'Where we got lucky', required: false }],
    });
    expect(requiredSectionTitles(config)).toEqual(['What happened']);
  });
});

describe('sections in the site config', () => {
  test('refuses an unknown preset, a severity the scale lacks and the old lint.requiredSections', () => {
    const result = SiteConfigSchema.safeParse({
      sections: { template: 'sre-book' },
    });
    expect(result.error?.issues.map((issue) => describeIssue(issue))).toEqual([
      'sections.template: expected a preset (classic, google-sre, atlassian) or a list of sections, each { title, prompt?, required? }',
    ]);
    const later = SiteConfigSchema.safeParse({
      sections: { bySeverity: { P1: [{ title: 'Lessons learned' }] } },
      lint: { requiredSections: ['Root cause'] },
    });
    expect(later.error?.issues.map((issue) => describeIssue(issue))).toEqual([
      'sections.bySeverity.P1: `P1` is not a severity of this site; use one of SEV1, SEV2, SEV3, SEV4, SEV5',
      "lint.requiredSections: required sections are part of the section template now; remove lint.requiredSections and list them under `sections`, e.g. sections: { template: [{ title: 'Root cause and resolution' }, …] }",
    ]);
  });
});
