/**
 * Internal links of the built site: every `href` and `src` that points inside
 * the site must lead to a file, so a renamed postmortem never leaves a dead link.
 */
import { posix } from 'node:path';
import { escapeAttribute } from 'entities';
import { readStartTags } from './page-tags';
import { attributeOf, replaceRanges, type HtmlTag } from './raw-html';

/** A link that leads nowhere. */
export interface DanglingLink {
  /** Page holding the link, relative to the output folder. */
  page: string;
  /** The link as written. */
  link: string;
}

/** Every `href`, `src` and `srcset` URL of `tag`, decoded, in order. */
function tagLinks(tag: HtmlTag): string[] {
  return tag.attributes.flatMap(({ name, value }) => {
    if (name === 'href' || name === 'src') return [value];
    if (name === 'srcset') return value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '');
    return [];
  });
}

/** Whether `link` points inside the site: not empty, not an anchor, no scheme, not protocol-relative. */
function isInternal(link: string): boolean {
  return link !== '' && !link.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(link) && !link.startsWith('//');
}

/**
 * `tag`'s `rel` with `noopener noreferrer` added, as the text to put in place
 * of what it has (the old `rel`, or nothing just before `>`); `undefined` when
 * it needs none: not a link, a link within `siteOrigin`, or one that has both.
 */
function secureRel(
  html: string,
  tag: HtmlTag,
  siteOrigin: string,
): { start: number; end: number; text: string } | undefined {
  if (tag.name !== 'a') return undefined;
  const href = attributeOf(tag, 'href');
  if (!href || !/^https?:\/\//i.test(href) || href.startsWith(siteOrigin)) return undefined;
  const rel = tag.attributes.find((attribute) => attribute.name === 'rel');
  const values = new Set(rel?.value.split(/\s+/).filter(Boolean));
  if (values.has('noopener') && values.has('noreferrer')) return undefined;
  const text = `rel="${escapeAttribute([...new Set([...values, 'noopener', 'noreferrer'])].join(' '))}"`;
  if (rel) return { start: rel.offset, end: rel.end, text };
  const close = html.startsWith('/>', tag.end - 2) ? tag.end - 2 : tag.end - 1;
  return { start: close, end: close, text: ` ${text}` };
}

/** A built page read once: its internal links, and its HTML with every link to another site given `rel="noopener noreferrer"`. */
export function readPage(html: string, siteOrigin: string): { html: string; internalLinks: string[] } {
  const links: string[] = [];
  const secured: { start: number; end: number; text: string }[] = [];
  readStartTags(html, (tag) => {
    links.push(...tagLinks(tag).filter(isInternal));
    const rel = secureRel(html, tag, siteOrigin);
    if (rel) secured.push(rel);
  });
  return { html: secured.length > 0 ? replaceRanges(html, secured) : html, internalLinks: links };
}

/**
 * The output file a link leads to, relative to the output folder, trying
 * `path`, `path/index.html` and `path.html` as static hosts do; `undefined` if none exists.
 */
export function resolveLink(
  link: string,
  page: string,
  base: string,
  exists: (file: string) => boolean,
): string | undefined {
  const path = decodeURI(link.split(/[?#]/)[0]!);
  let target: string;
  if (path.startsWith('/')) {
    if (!path.startsWith(base)) return undefined;
    target = path.slice(base.length);
  } else {
    target = posix.join(posix.dirname(page), path);
  }
  target = posix.normalize(target).replace(/^\/+/, '');
  if (target.startsWith('..')) return undefined;
  const candidates =
    target === '' || target === '.' || target.endsWith('/')
      ? [posix.join(target, 'index.html')]
      : [target, posix.join(target, 'index.html'), `${target}.html`];
  return candidates.find(exists);
}

/** Every link of `links` (those of `page`) that leads to no file. */
export function danglingLinks(
  page: string,
  links: readonly string[],
  base: string,
  exists: (file: string) => boolean,
): DanglingLink[] {
  const normalisedBase = base.endsWith('/') ? base : `${base}/`;
  return [...new Set(links)]
    .filter((link) => !resolveLink(link, page, normalisedBase, exists))
    .map((link) => ({ page, link }));
}
