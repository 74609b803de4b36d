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
  Internal: z.object({}).strict(),
} satisfies Record<string, z.ZodType>;

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
