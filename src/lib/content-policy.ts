/**
 * What a postmortem's body may contain besides Markdown: the one allow-list that
 * `npm run check`, the build's lint and the renderer's guard all read.
 *
 * A postmortem is data, never code. Raw HTML (in `.md`) and JSX (in `.mdx`) may
 * use only the elements and attributes GitHub renders in a pull request
 * (hast-util-sanitize's `defaultSchema`, which mirrors GitHub's sanitiser:
 * https://github.com/syntax-tree/hast-util-sanitize/blob/main/lib/schema.js),
 * URLs only `http:`, `https:`, `mailto:`, relative paths and fragments, and MDX
 * only the components registered in `MDX_COMPONENTS` with literal props.
 */
import { defaultSchema } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import { z } from 'astro/zod';
import type { ScannedHtml } from './raw-html';

/** An attribute name as HTML spells it: `className` → `class`, `ariaLabel` → `aria-label`, `onClick` → `onclick`. */
export function htmlAttributeName(name: string): string {
  if (/^on/i.test(name)) return name.toLowerCase();
  return find(html, name).attribute.toLowerCase();
}

/** Attribute names (HTML spelling) allowed on any element, or on one element, when the schema leaves their value free. */
function attributeNames(entries: readonly (string | readonly unknown[])[] | undefined): string[] {
  return (entries ?? []).flatMap((entry) => (typeof entry === 'string' ? [htmlAttributeName(entry)] : []));
}

/**
 * Elements authors may write. GitHub's list, without `input` (task lists come
 * from Markdown, not from authors) and without `section` (it would break the
 * page's outline).
 */
export const ALLOWED_ELEMENTS: ReadonlySet<string> = new Set(
  (defaultSchema.tagNames ?? []).filter((name) => name !== 'input' && name !== 'section'),
);

const GLOBAL_ATTRIBUTES = new Set(attributeNames(defaultSchema.attributes?.['*']));
// A form cannot be built (no <form>), so form attributes are dropped from GitHub's global list.
for (const name of ['action', 'method', 'enctype', 'accept', 'accept-charset']) GLOBAL_ATTRIBUTES.delete(name);

const ELEMENT_ATTRIBUTES = new Map(
  Object.entries(defaultSchema.attributes ?? {}).map(([element, entries]) => [
    element,
    new Set(attributeNames(entries)),
  ]),
);

/** Whether `attribute` (HTML spelling) may appear on `element`. */
export function isAllowedAttribute(element: string, attribute: string): boolean {
  return GLOBAL_ATTRIBUTES.has(attribute) || (ELEMENT_ATTRIBUTES.get(element)?.has(attribute) ?? false);
}

/** Attributes whose value is a URL, or a list of them (`srcset`). */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'cite',
  'longdesc',
  'action',
  'formaction',
  'xlink:href',
  'poster',
]);

/** Whether `attribute` holds a URL that must pass `isSafeUrl`. */
function isUrlAttribute(attribute: string): boolean {
  return URL_ATTRIBUTES.has(attribute.toLowerCase());
}

/** Schemes a link or image may use. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * Whether a URL is `http:`, `https:`, `mailto:`, a relative path or a fragment.
 * Browsers ignore whitespace and control characters inside a scheme
 * (`java\tscript:` is `javascript:`), so they are removed before reading it; a
 * protocol-relative URL (`//host/…`) leaves the site and is refused too.
 */
export function isSafeUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex -- the control characters are exactly what browsers ignore
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (/^[/\\]{2}/.test(compact)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1];
  return scheme === undefined || SAFE_SCHEMES.has(scheme.toLowerCase());
}

/** Whether every URL of a `srcset` value (`a.png 1x, b.png 2x`) is safe. */
export function isSafeSrcset(value: string): boolean {
  return value.split(',').every((candidate) => isSafeUrl(candidate.trim().split(/\s+/)[0] ?? ''));
}

/** Whether the value of `attribute` is safe: URL attributes hold safe URLs; other values are text. */
export function isSafeAttributeValue(attribute: string, value: string): boolean {
  if (attribute === 'srcset') return isSafeSrcset(value);
  return !isUrlAttribute(attribute) || isSafeUrl(value);
}

/** Whether raw HTML (as `scanHtml` read it) uses only allowed elements, attributes and URLs; comments aside. */
export function isAllowedHtml({ tags, endTags }: Pick<ScannedHtml, 'tags' | 'endTags'>): boolean {
  return (
    endTags.every((name) => ALLOWED_ELEMENTS.has(name)) &&
    tags.every(
      (tag) =>
        ALLOWED_ELEMENTS.has(tag.name) &&
        tag.attributes.every(
          (attribute) =>
            isAllowedAttribute(tag.name, attribute.name) && isSafeAttributeValue(attribute.name, attribute.value),
        ),
    )
  );
}

/**
 * Components a postmortem may use in MDX without an import, each with the zod
 * schema of its props. Props are literal strings (or bare attributes, `true`);
 * an expression is never evaluated, so nothing else can arrive.
 */
export const MDX_COMPONENTS = {
  /** A passage only the internal site shows; the public build removes it before anything else reads the body. */
  Internal: z.object({}).strict().describe('A passage only the internal site shows: `<Internal>…</Internal>`.'),
  /** A metric over the incident, drawn at build time from a data file next to the postmortem (`src/lib/metric-data.ts`). */
  MetricChart: z
    .object({
      src: z
        .string()
        .min(1)
        .describe(
          'The data file next to the postmortem: `./error-rate.csv` (a header row, then one row per time) or `./latency.json` (an array of objects); at most 256 kB and 1,440 rows.',
        ),
      y: z
        .string()
        .min(1)
        .describe(
          'The column to draw; several, comma-separated (`p50_ms,p99_ms`), draw one line each (at most 4). Values are numbers; an empty cell is a gap.',
        ),
      label: z.string().min(1).describe('What the chart shows, its title: `Checkout errors per minute`.'),
      x: z
        .string()
        .min(1)
        .optional()
        .describe(
          'The time column: ISO 8601 date-times with an offset (`2024-03-14T09:12:00Z`), ascending, within 7 days of the incident. Default: the first column.',
        ),
      unit: z
        .string()
        .min(1)
        .max(20)
        .optional()
        .describe('The unit of the values, shown after them: `ms`, `%`, `req/s`.'),
    })
    .strict()
    .describe(
      'A line chart of a metric across the incident, with the incident shaded and detection, mitigation and resolution marked: `<MetricChart src="./error-rate.csv" y="errors_per_min" label="Checkout errors per minute" />`.',
    ),
  /** An image with a caption and a credit; the image follows the rules of a Markdown image. */
  Figure: z
    .object({
      src: z
        .string()
        .min(1)
        .describe(
          'The image next to the postmortem (`./dashboard.png`), as for a Markdown image: PNG, JPEG or WebP, not SVG.',
        ),
      alt: z.string().min(1).describe('What the image shows, for readers who cannot see it.'),
      caption: z.string().min(1).describe('The caption shown under the image.'),
      credit: z.string().min(1).optional().describe('Where the image comes from: `Grafana, checkout dashboard`.'),
    })
    .strict()
    .describe(
      'An image with a caption and a credit: `<Figure src="./dashboard.png" alt="…" caption="…" credit="…" />`.',
    ),
  /** A highlighted passage, named by a visible word: Note, Warning or Lesson. */
  Callout: z
    .object({
      kind: z
        .enum(['note', 'warning', 'lesson'])
        .default('note')
        .describe('`note`, `warning` or `lesson`: the word shown above the passage. Default: `note`.'),
    })
    .strict()
    .describe('A highlighted passage: `<Callout kind="lesson">…</Callout>`.'),
} satisfies Record<string, z.ZodObject>;

/** The props of `<MetricChart>` as its schema gives them. */
export type MetricChartProps = z.output<typeof MDX_COMPONENTS.MetricChart>;

/** The props of `<Figure>` as its schema gives them. */
export type FigureProps = z.output<typeof MDX_COMPONENTS.Figure>;

/** The props of `<Callout>` as its schema gives them. */
export type CalloutProps = z.output<typeof MDX_COMPONENTS.Callout>;

/** The name of a registered MDX component. */
export type MdxComponentName = keyof typeof MDX_COMPONENTS;

/** Whether a JSX name is an HTML element (lowercase, as JSX reads it), not a component. */
export function isHtmlElementName(name: string): boolean {
  return /^[a-z]/.test(name) && !name.includes('.');
}

/** Whether `name` is a registered MDX component. */
export function isMdxComponent(name: string): name is MdxComponentName {
  return Object.hasOwn(MDX_COMPONENTS, name);
}

/** The tag of an `<Internal>` passage in any letter case: `<internal>` is refused, not published. */
export function isInternalTag(name: string | null | undefined): boolean {
  return name?.toLowerCase() === 'internal';
}
