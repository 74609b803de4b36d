import { describe, expect, test } from 'vitest';
import { postmortemJsonSchema } from '../lib/json-schema';
import { validatePostmortemSource } from '../lib/validate';
import { describeIssue } from '../lib/zod-issues';
import { CustomFieldsSchema, type CustomFieldsInput } from './custom-fields';
import { createPostmortemSchema } from './postmortem';
import { DEFAULT_SEVERITY_SCALE } from './severity';

const FIELDS: CustomFieldsInput = [
  {
    key: 'region',
    type: 'enum',
    label: 'Region',
    values: { 'eu-west-1': 'EU West (Ireland)', 'us-east-1': 'US East (Virginia)' },
    facet: true,
    stats: true,
  },
  { key: 'customerTier', type: 'enum', label: 'Customer tier', values: ['free', 'pro'], aliases: ['customer_tier'] },
  { key: 'incidentCommander', type: 'text', label: 'Incident commander', required: true },
  { key: 'revenueLoss', type: 'number', label: 'Revenue lost', unit: 'EUR', min: 0, max: 1_000_000 },
  { key: 'dataLoss', type: 'boolean', label: 'Data lost' },
  { key: 'reviewedOn', type: 'date', label: 'Reviewed on' },
  { key: 'pagedAt', type: 'date-time', label: 'Paged at' },
  { key: 'epic', type: 'url', label: 'Jira epic' },
  { key: 'providers', type: 'list', label: 'Providers' },
  { key: 'zones', type: 'list', of: 'enum', label: 'Zones', values: ['a', 'b'] },
];

const fields = CustomFieldsSchema.parse(FIELDS);
const schema = createPostmortemSchema({ severities: DEFAULT_SEVERITY_SCALE, defaultTimezone: 'UTC', fields });

function frontmatter(custom: Record<string, unknown> | undefined) {
  return {
    title: 'Checkout timeouts',
    summary: 'Checkout failed for 47 minutes.',
    severity: 'SEV2',
    startedAt: '2024-03-14T09:12:00Z',
    resolvedAt: '2024-03-14T09:59:00Z',
    services: ['checkout'],
    authors: ['Ada'],
    ...(custom ? { fields: custom } : {}),
  };
}

/** The messages of the issues, each with its path, as `check` words them. */
function problems(custom: Record<string, unknown> | undefined): string[] {
  const result = schema.safeParse(frontmatter(custom), { reportInput: true });
  return result.success ? [] : result.error.issues.map((issue) => describeIssue(issue));
}

describe('custom field values', () => {
  test('accepts a value of every type and normalises it', () => {
    const data = schema.parse(
      frontmatter({
        region: 'EU-West-1',
        customerTier: 'pro',
        incidentCommander: '  Grace Hopper ',
        revenueLoss: 1200,
        dataLoss: false,
        reviewedOn: '2024-03-20',
        pagedAt: '2024-03-14T09:15:00+01:00',
        epic: 'https://jira.example.com/browse/OPS-1',
        providers: ['aws', 'fastly', 'aws'],
        zones: ['A', 'b'],
      }),
    );
    expect(data.fields).toEqual({
      region: 'eu-west-1',
      customerTier: 'pro',
      incidentCommander: 'Grace Hopper',
      revenueLoss: 1200,
      dataLoss: false,
      reviewedOn: '2024-03-20',
      pagedAt: new Date('2024-03-14T08:15:00Z'),
      epic: 'https://jira.example.com/browse/OPS-1',
      providers: ['aws', 'fastly'],
      zones: ['a', 'b'],
    });
  });

  test('requires a required field and names it', () => {
    expect(problems({})).toEqual([
      'missing required field `fields.incidentCommander`; expected incident commander as text',
    ]);
    expect(problems(undefined)[0]).toMatch(/^missing required field `fields`; expected a map of custom fields/);
  });

  test('refuses a value outside an enum, naming the allowed values and labels', () => {
    expect(problems({ incidentCommander: 'Ada', region: 'ap-south-1' })).toEqual([
      'fields.region: `ap-south-1` is not a region of this site; use one of eu-west-1 (EU West (Ireland)), us-east-1 (US East (Virginia))',
    ]);
  });

  test('keeps numbers within their bounds, with the unit', () => {
    expect(problems({ incidentCommander: 'Ada', revenueLoss: -5 })).toEqual([
      'fields.revenueLoss: expected a number from 0 to 1000000 EUR (got `-5`)',
    ]);
    expect(problems({ incidentCommander: 'Ada', revenueLoss: '12' })).toEqual([
      'fields.revenueLoss: expected a number from 0 to 1000000 EUR, written without quotes (got `12`)',
    ]);
  });

  test('checks booleans, dates, date-times, URLs and list items', () => {
    expect(
      problems({
        incidentCommander: 'Ada',
        dataLoss: 'yes',
        reviewedOn: '2024-02-30',
        pagedAt: '2024-03-14 09:15',
        epic: 'javascript:alert(1)',
        zones: ['a', 'c'],
      }),
    ).toEqual([
      'fields.dataLoss: expected true or false (got `yes`)',
      'fields.reviewedOn: `2024-02-30` is not a date written YYYY-MM-DD, e.g. 2024-04-30',
      'fields.pagedAt: `2024-03-14 09:15` is not an ISO 8601 date-time with an offset; write one such as "2024-03-14T09:12:00Z" or "2024-03-14T10:12:00+01:00" (a missing offset is ambiguous)',
      'fields.epic: expected an http:// or https:// URL (got `javascript:alert(1)`)',
      'fields.zones[1]: `c` is not a zones of this site; use one of a, b',
    ]);
  });

  test('refuses an unknown key, listing the fields the site has', () => {
    expect(problems({ incidentCommander: 'Ada', regoin: 'eu-west-1' })[0]).toMatch(
      /^fields: unknown custom field `regoin`; this site's fields are `region`, `customerTier`/,
    );
  });

  test('tells a writer using an old key the new one', () => {
    expect(problems({ incidentCommander: 'Ada', customer_tier: 'pro' })).toEqual([
      'fields.customer_tier: `customer_tier` was renamed to `customerTier`; rename the key',
    ]);
  });

  test('tells a writer who put a custom field at the top level to move it under fields', () => {
    const result = schema.safeParse({ ...frontmatter({ incidentCommander: 'Ada' }), region: 'eu-west-1' });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      '`region` is a custom field: write it under `fields:`, e.g. fields: { region: … }',
    ]);
  });

  test('is refused altogether on a site without custom fields', () => {
    const plain = createPostmortemSchema({ severities: DEFAULT_SEVERITY_SCALE, defaultTimezone: 'UTC' });
    expect(plain.parse(frontmatter(undefined)).fields).toEqual({});
    expect(plain.safeParse(frontmatter({ region: 'x' })).error?.issues[0]?.message).toContain(
      'this site declares no custom fields',
    );
  });
});

describe('check output for custom fields', () => {
  test('reports a bad value and an old key at their line and column', () => {
    const source = `---
title: Checkout timeouts
summary: Checkout failed for 47 minutes.
severity: SEV2
startedAt: "2024-03-14T09:12:00Z"
resolvedAt: "2024-03-14T09:59:00Z"
services: [checkout]
authors: [Ada]
fields:
  incidentCommander: Ada
  region: mars-1
  customer_tier: pro
  colour: blue
---

Text.
`;
    const file = '2024-03-14-checkout-timeouts.md';
    const result = validatePostmortemSource({ file: `postmortems/${file}`, relativePath: file, source }, schema);
    expect(result.problems.map(({ line, column, message }) => [line, column, message])).toEqual([
      [11, 3, expect.stringMatching(/^fields.region: `mars-1` is not a region/)],
      [12, 3, expect.stringMatching(/^fields.customer_tier: `customer_tier` was renamed to `customerTier`/)],
      [13, 3, expect.stringMatching(/^fields: unknown custom field `colour`/)],
    ]);
  });
});

describe('site config fields', () => {
  test('refuses a key used twice, a reserved key, a facet on a number and stats on text', () => {
    const result = CustomFieldsSchema.safeParse([
      { key: 'region', type: 'text', label: 'Region', stats: true },
      { key: 'zone', type: 'text', label: 'Zone', aliases: ['region'] },
      { key: 'severity', type: 'text', label: 'Severity' },
      { key: 'cost', type: 'number', label: 'Cost', facet: true },
      { key: 'zones', type: 'list', of: 'enum', label: 'Zones' },
    ]);
    expect(result.error?.issues.map((issue) => describeIssue(issue))).toEqual([
      '[0].stats: only enum fields (or lists of enum) have a top-values chart; remove `stats` or make it an enum',
      '[1].aliases[0]: `region` is already used by the field `region`',
      '[2].key: `severity` is a search parameter of the site; name the field otherwise, e.g. "severityName"',
      '[3].facet: a number field cannot be a search facet; only text, enum, list and boolean fields can',
      '[4].values: a list of enum needs `values`',
    ]);
  });
});

describe('JSON Schema of custom fields', () => {
  const json = postmortemJsonSchema({
    severities: DEFAULT_SEVERITY_SCALE,
    defaultTimezone: 'UTC',
    fields,
    url: 'https://postmortems.example.com',
  });
  const custom = json.properties['fields'] as { properties: Record<string, Record<string, unknown>> } & Record<
    string,
    unknown
  >;

  test('describes each field with its label, type, bounds and values, and forbids others', () => {
    expect(json['required']).toContain('fields');
    expect(custom['required']).toEqual(['incidentCommander']);
    expect(custom['additionalProperties']).toBe(false);
    expect(custom.properties['region']).toMatchObject({ title: 'Region', enum: ['eu-west-1', 'us-east-1'] });
    expect(custom.properties['revenueLoss']).toMatchObject({ type: 'number', minimum: 0, maximum: 1_000_000 });
    expect(custom.properties['zones']).toMatchObject({ type: 'array', items: { enum: ['a', 'b'] } });
    expect(custom.properties['customer_tier']).toMatchObject({ deprecated: true });
  });
});
