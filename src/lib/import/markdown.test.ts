import { describe, expect, test } from 'vitest';
import { SiteConfigSchema } from '../../schemas/site-config';
import { requiredSectionTitles } from '../sections';
import { readMarkdown } from './markdown';

const config = SiteConfigSchema.parse({});
const read = (text: string) =>
  readMarkdown(text, {
    file: 'old/outage.md',
    reference: 'markdown:old/outage.md',
    config: config.import,
    requiredSections: requiredSectionTitles(config.sections),
  });

describe('readMarkdown', () => {
  test('reads common frontmatter names, YAML or TOML, into our fields', () => {
    const yaml = read(
      '---\ndate: 2024-03-14T09:12:00Z\nend_time: 2024-03-14T10:00:00Z\nauthor: Ada\nkeywords: [db]\n---\n\nText.\n',
    );
    const toml = read('+++\ndate = 2024-03-14T09:12:00Z\nauthors = ["Ada"]\nteam = "payments"\n+++\n\nText.\n');
    expect([yaml.startedAt?.from, yaml.resolvedAt?.from, yaml.authors?.value, yaml.tags?.value]).toEqual([
      'frontmatter `date`',
      'frontmatter `end_time`',
      ['Ada'],
      ['db'],
    ]);
    expect(toml.startedAt?.value).toMatchObject({ kind: 'instant', instant: new Date('2024-03-14T09:12:00Z') });
    expect(toml.notes).toContainEqual({
      kind: 'dropped',
      message: "frontmatter field not imported: `team` (name it in the site config's import.fields to keep it)",
    });
  });

  test('reads a team’s own field names from import.fields', () => {
    const record = readMarkdown('---\nteam: payments\n---\n\nText.\n', {
      file: 'a.md',
      reference: 'markdown:a.md',
      config: { ...config.import, fields: { Team: 'services' } },
      requiredSections: [],
    });
    expect(record.services).toEqual({ value: ['payments'], from: 'frontmatter `team`' });
  });

  test('takes the title from the first heading and metadata from lines under it', () => {
    const record = read('# Queue backlog: 21 November 2024\n\nBy: Jonas Weber, Lea Fischer\n\nOrders were late.\n');
    expect(record.title?.value).toBe('Queue backlog');
    expect(record.startedAt?.value).toMatchObject({ kind: 'date', date: '2024-11-21' });
    expect(record.authors?.value).toEqual(['Jonas Weber', 'Lea Fischer']);
    expect(record.summary).toEqual({ value: 'Orders were late.', from: 'the paragraph under the title' });
    expect(record.body).toBe('Orders were late.');
  });

  test('reads action items from a task list, with owner, due date, ticket and status', () => {
    const record = read(
      '## Action items\n\n- [ ] Alert on pool saturation (owner: Platform team, due 2024-04-30) [OPS-1](https://t.example/OPS-1)\n- [x] Document the runbook @ada\n',
    );
    expect(record.actionItems?.value).toEqual([
      {
        title: 'Alert on pool saturation',
        owner: 'Platform team',
        status: 'open',
        due: '2024-04-30',
        ticket: 'https://t.example/OPS-1',
      },
      { title: 'Document the runbook', owner: 'ada', status: 'done', due: undefined, ticket: undefined },
    ]);
  });

  test('reads action items from a table by its headers, in any order', () => {
    const record = read(
      '## Next steps\n\n| Owner | Due date | Task | State | Jira |\n| - | - | - | - | - |\n| SRE | 2024-05-01 | Add a canary | Won’t do | [X-1](https://j.example/X-1) |\n',
    );
    expect(record.actionItems?.value).toEqual([
      {
        title: 'Add a canary',
        owner: 'SRE',
        type: undefined,
        status: 'wont-do',
        due: '2024-05-01',
        ticket: 'https://j.example/X-1',
      },
    ]);
  });

  test('reads a timeline list with a day line, inferring kinds, and a zone from the heading', () => {
    const record = read(
      '## Timeline (all times in Pacific Time)\n\n2024-06-18\n\n- 10:41 Outage begins.\n- 10:44 Alert paged the on-call.\n',
    );
    expect(record.timezone?.value).toBe('America/Los_Angeles');
    expect(record.timeline?.value.map((entry) => [entry.at, entry.kind])).toEqual([
      [{ kind: 'local', date: '2024-06-18', time: '10:41', text: '10:41' }, 'note'],
      [{ kind: 'local', date: '2024-06-18', time: '10:44', text: '10:44' }, 'detected'],
    ]);
  });

  test('renames a heading that means a required section, and says so', () => {
    const record = read('## Root Causes\n\nA pool was halved.\n\n## Follow-ups\n\n- [ ] Alert (owner: SRE)\n');
    expect(record.body).toBe(
      '## Root cause and resolution\n\nA pool was halved.\n\n## Corrective and preventative measures\n\n- [ ] Alert (owner: SRE)',
    );
    expect(record.notes.map((note) => note.message)).toEqual([
      'heading "Root Causes" renamed "Root cause and resolution", the section it means',
      'heading "Follow-ups" renamed "Corrective and preventative measures", the section it means',
    ]);
  });

  test('reads the share of users from the impact section as a guess, with the phrase', () => {
    expect(read('## Impact\n\nAbout 30% of users could not sign in.\n').usersAffectedPct).toEqual({
      value: 30,
      from: 'section "Impact"',
      guess: '"30% of users"',
    });
  });
});
