/**
 * Custom fields: the facts a team records about every incident beyond the built-in
 * frontmatter (region, customer tier, incident commander…). A team declares them in
 * `src/site.config.ts` under `fields`; postmortems write them under a `fields:` map.
 * This module holds both sides: the declaration's schema, and the schema of the values
 * it builds, which `createPostmortemSchema` composes into the one frontmatter schema.
 */
import { z } from 'astro/zod';
import { quoteValue } from '../lib/errors';
import { CalendarDateSchema, InstantSchema } from './dates';

/** Keys the search page already uses as URL parameters and filters, so no field may take them. */
const RESERVED_KEYS = ['severity', 'service', 'tag', 'year', 'q', 'sort', 'verbatim'];

const KeySchema = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]*$/, 'write the key in camelCase letters and digits, e.g. "customerTier"');

/**
 * Allowed values of an enum: a list (`['eu-west-1', 'us-east-1']`) or values with their
 * labels (`{ enterprise: 'Enterprise', free: 'Free plan' }`), normalised to `{ value, label }`.
 */
const EnumValuesSchema = z
  .union([z.array(z.string().min(1)).min(1), z.record(z.string().min(1), z.string().min(1))])
  .transform((values) =>
    Array.isArray(values)
      ? values.map((value) => ({ value, label: value }))
      : Object.entries(values).map(([value, label]) => ({ value, label })),
  )
  .refine((values) => values.length > 0, 'list at least one value');

const FieldBase = {
  /** The key postmortems write under `fields:`, in camelCase, e.g. `customerTier`. */
  key: KeySchema,
  /** What readers see beside the value, e.g. "Customer tier". */
  label: z.string().min(1),
  /** One sentence for writers: shown in editors (JSON Schema) and `npm run new`. */
  description: z.string().optional(),
  /** Whether every postmortem must set it. Default `false`. */
  required: z.boolean().default(false),
  /** Keys the field had before a rename: a postmortem still using one is told the new key. Default none. */
  aliases: z.array(z.string().min(1)).default([]),
  /** Shown in the key facts at the top of a postmortem. Default `true`. */
  page: z.boolean().default(true),
  /** A filter of the search page and of Pagefind (text, enum, list and boolean fields). Default `false`. */
  facet: z.boolean().default(false),
  /** A "top values" chart on `/stats/` (enum and list-of-enum fields). Default `false`. */
  stats: z.boolean().default(false),
  /** Included under `fields` in `/api/postmortems.json`. Default `true`. */
  api: z.boolean().default(true),
};

/** One custom field as the site config declares it; `type` says what values it takes. */
const CustomFieldSchema = z.discriminatedUnion('type', [
  z.object({ ...FieldBase, type: z.literal('text') }),
  z.object({
    ...FieldBase,
    type: z.literal('number'),
    /** Unit shown after the value, e.g. `EUR` or `%`. */
    unit: z.string().optional(),
    /** Least value allowed. */
    min: z.number().optional(),
    /** Greatest value allowed. */
    max: z.number().optional(),
  }),
  z.object({ ...FieldBase, type: z.literal('boolean') }),
  /** A calendar date, `YYYY-MM-DD`. */
  z.object({ ...FieldBase, type: z.literal('date') }),
  /** An instant with an offset, like `startedAt`. */
  z.object({ ...FieldBase, type: z.literal('date-time') }),
  /** An http(s) URL. */
  z.object({ ...FieldBase, type: z.literal('url') }),
  z.object({ ...FieldBase, type: z.literal('enum'), values: EnumValuesSchema }),
  z.object({
    ...FieldBase,
    type: z.literal('list'),
    /** What each item is: free text (default) or one of `values`. */
    of: z.enum(['text', 'enum']).default('text'),
    values: EnumValuesSchema.optional(),
  }),
]);

/**
 * The site's custom fields. Keys and aliases are unique, lists of enums name their values,
 * and `facet` and `stats` are only set where they can work.
 */
export const CustomFieldsSchema = z.array(CustomFieldSchema).superRefine((fields, ctx) => {
  const seen = new Map<string, string>();
  fields.forEach((field, index) => {
    for (const [position, key] of [field.key, ...field.aliases].entries()) {
      const path = position === 0 ? [index, 'key'] : [index, 'aliases', position - 1];
      const owner = seen.get(key);
      if (owner !== undefined)
        ctx.addIssue({ code: 'custom', path, message: `\`${key}\` is already used by the field \`${owner}\`` });
      else if (RESERVED_KEYS.includes(key))
        ctx.addIssue({
          code: 'custom',
          path,
          message: `\`${key}\` is a search parameter of the site; name the field otherwise, e.g. "${key}Name"`,
        });
      seen.set(key, field.key);
    }
    if (field.type === 'list' && field.of === 'enum' && !field.values)
      ctx.addIssue({ code: 'custom', path: [index, 'values'], message: 'a list of enum needs `values`' });
    if (field.facet && !['text', 'enum', 'list', 'boolean'].includes(field.type))
      ctx.addIssue({
        code: 'custom',
        path: [index, 'facet'],
        message: `a ${field.type} field cannot be a search facet; only text, enum, list and boolean fields can`,
      });
    if (field.stats && field.type !== 'enum' && !(field.type === 'list' && field.of === 'enum'))
      ctx.addIssue({
        code: 'custom',
        path: [index, 'stats'],
        message: 'only enum fields (or lists of enum) have a top-values chart; remove `stats` or make it an enum',
      });
  });
});

export type CustomFieldsInput = z.input<typeof CustomFieldsSchema>;
export type CustomField = z.output<typeof CustomFieldSchema>;
/** One allowed value of an enum field, with what readers see. */
export type EnumValue = z.output<typeof EnumValuesSchema>[number];
/** A field's value after validation: dates as text, date-times as `Date`, lists as arrays. */
export type CustomFieldValue = string | number | boolean | Date | string[];
/** A postmortem's custom field values by key; a field not set is absent. */
export type CustomFieldValues = Partial<Record<string, CustomFieldValue>>;

/** The allowed values of an enum or list-of-enum field; `undefined` for others. */
export function enumValuesOf(field: CustomField): EnumValue[] | undefined {
  return field.type === 'enum' || field.type === 'list' ? field.values : undefined;
}

/** A value among `values`, matched ignoring case and normalised to the declared spelling. */
function enumValueSchema(field: CustomField, values: readonly EnumValue[]) {
  const listed = values.map(({ value, label }) => (label === value ? value : `${value} (${label})`)).join(', ');
  return z.string({ error: `expected one of ${listed}` }).transform((text, ctx) => {
    const match = values.find(({ value }) => value.toLowerCase() === text.trim().toLowerCase());
    if (!match) {
      ctx.addIssue({
        code: 'custom',
        message: `${quoteValue(text)} is not a ${field.label.toLowerCase()} of this site; use one of ${listed}`,
      });
      return z.NEVER;
    }
    return match.value;
  });
}

const TextSchema = (field: CustomField) =>
  z
    .string({ error: `expected ${field.label.toLowerCase()} as text` })
    .trim()
    .min(1, `${field.key} must not be empty; write the value or remove the key`);

/** The schema of one field's value, with messages that name the field and what it takes. */
function valueSchema(field: CustomField): z.ZodType<CustomFieldValue> {
  switch (field.type) {
    case 'text':
      return TextSchema(field);
    case 'number': {
      const unit = field.unit ? ` ${field.unit}` : '';
      const range =
        field.min !== undefined && field.max !== undefined
          ? `from ${field.min} to ${field.max}${unit}`
          : field.min !== undefined
            ? `of at least ${field.min}${unit}`
            : field.max !== undefined
              ? `of at most ${field.max}${unit}`
              : '';
      let schema = z.number({ error: `expected a number${range ? ` ${range}` : ''}, written without quotes` });
      if (field.min !== undefined) schema = schema.min(field.min, `expected a number ${range}`);
      if (field.max !== undefined) schema = schema.max(field.max, `expected a number ${range}`);
      return schema;
    }
    case 'boolean':
      return z.boolean({ error: 'expected true or false' });
    case 'date':
      return CalendarDateSchema;
    case 'date-time':
      return InstantSchema;
    case 'url':
      return z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' });
    case 'enum':
      return enumValueSchema(field, field.values);
    case 'list': {
      const item = field.of === 'enum' && field.values ? enumValueSchema(field, field.values) : TextSchema(field);
      return z
        .array(item, { error: `expected a list, e.g. [${field.values?.[0]?.value ?? 'first'}]` })
        .transform((items) => [...new Set(items)]);
    }
  }
}

/**
 * The schema of a postmortem's `fields:` map for the site's custom fields: each value
 * checked by its field's type, required fields required, unknown keys refused, and a key
 * a field had before a rename refused with the key to use instead.
 */
export function createCustomFieldValuesSchema(fields: readonly CustomField[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) {
    const schema = valueSchema(field).meta({
      title: field.label,
      ...(field.description ? { description: field.description } : {}),
    });
    shape[field.key] = field.required ? schema : schema.optional();
    for (const alias of field.aliases) {
      shape[alias] = z
        .unknown()
        .superRefine((_value, ctx) => {
          ctx.addIssue({
            code: 'custom',
            message: `\`${alias}\` was renamed to \`${field.key}\`; rename the key`,
          });
        })
        .optional()
        .meta({ deprecated: true, description: `Renamed to ${field.key}.` });
    }
  }
  const keys = fields.map((field) => `\`${field.key}\``).join(', ');
  return z
    .strictObject(shape, {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown custom field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => quoteValue(key)).join(', ')}; ${fields.length > 0 ? `this site's fields are ${keys}` : 'this site declares no custom fields'} (src/site.config.ts, \`fields\`)`
          : `expected a map of custom fields, e.g. fields: { ${fields[0]?.key ?? 'region'}: … }`,
    })
    .transform((values) => values as CustomFieldValues);
}
