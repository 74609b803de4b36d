/**
 * A postmortem's custom field values as each place shows them: the JSON API, the
 * page's key facts, the search facets and the top-values charts of `/stats/`. The
 * fields are the site's (`fields` in src/site.config.ts); the values are validated already.
 */
import {
  enumValuesOf,
  type CustomField,
  type CustomFieldValue,
  type CustomFieldValues,
} from '../schemas/custom-fields';
import { formatInstant } from './time';

/** A JSON value of a field: date-times as ISO 8601 UTC, `null` when the postmortem does not set it. */
type ApiValue = string | number | boolean | string[] | null;

/** The values of the fields with `api` on, every one present (`null` when not set), for `/api/postmortems.json`. */
export function apiFieldValues(fields: readonly CustomField[], values: CustomFieldValues): Record<string, ApiValue> {
  return Object.fromEntries(
    fields
      .filter((field) => field.api)
      .map((field) => {
        const value = values[field.key];
        return [field.key, value instanceof Date ? value.toISOString() : (value ?? null)];
      }),
  );
}

/** What readers see for one value: an enum's label, `Yes`/`No`, a number with its unit, a time in the incident's zone. */
function displayValue(field: CustomField, value: CustomFieldValue, timezone: string): string {
  const labelOf = (text: string) => enumValuesOf(field)?.find((option) => option.value === text)?.label ?? text;
  if (value instanceof Date) return formatInstant(value, timezone);
  if (Array.isArray(value)) return value.map(labelOf).join(', ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number')
    return field.type === 'number' && field.unit ? `${value} ${field.unit}` : String(value);
  return labelOf(value);
}

/** One line of a postmortem's key facts. */
export interface FieldFact {
  key: string;
  label: string;
  /** The value as readers see it. */
  text: string;
  /** For a `url` field: where the value links to. */
  href?: string;
}

/** The key facts of the fields with `page` on that the postmortem sets, in the config's order. */
export function pageFieldFacts(
  fields: readonly CustomField[],
  values: CustomFieldValues,
  timezone: string,
): FieldFact[] {
  return fields.flatMap((field) => {
    const value = values[field.key];
    if (!field.page || value === undefined) return [];
    const text = displayValue(field, value, timezone);
    return [{ key: field.key, label: field.label, text, ...(field.type === 'url' ? { href: String(value) } : {}) }];
  });
}

/** The values a facet field files a postmortem under, as the search index and the URL write them. */
export function facetFieldValues(field: CustomField, values: CustomFieldValues): string[] {
  const value = values[field.key];
  if (value === undefined || value instanceof Date) return [];
  if (Array.isArray(value)) return value;
  if (typeof value === 'boolean') return [value ? 'yes' : 'no'];
  return [String(value)];
}

/** How a facet field's value reads on the search page: an enum's label, `Yes`/`No`, or the value. */
export function facetValueLabel(field: CustomField, value: string): string {
  if (field.type === 'boolean') return value === 'yes' ? 'Yes' : 'No';
  return enumValuesOf(field)?.find((option) => option.value === value)?.label ?? value;
}

/** One bar of a top-values chart. */
export interface TopValue {
  value: string;
  label: string;
  count: number;
}

/**
 * How many postmortems carry each value of a `stats` field, most first (then in the config's
 * order); values no postmortem has are left out, so the chart shows what happened.
 */
export function topFieldValues(field: CustomField, postmortems: readonly CustomFieldValues[]): TopValue[] {
  const options = enumValuesOf(field) ?? [];
  const counts = new Map<string, number>();
  for (const values of postmortems) {
    for (const value of facetFieldValues(field, values)) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return options
    .map(({ value, label }) => ({ value, label, count: counts.get(value) ?? 0 }))
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count);
}
