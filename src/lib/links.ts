/**
 * Internal links of the built site: every `href` and `src` that points inside
 * the site must lead to a file, so a renamed postmortem never leaves a dead link.
 */
import { posix } from 'node:path';

/** A link that leads nowhere. */
export interface DanglingLink {
  /** Page holding the link, relative to the output folder. */
  page: string;
  /** The link as written. */
  link: string;
}

const LINK_ATTRIBUTE = /\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const SRCSET_ATTRIBUTE = /\ssrcset\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const ENTITY = /&(amp|quot|#39|lt|gt);/g;
const ENTITIES: Record<string, string> = { amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' };

/** An element's start tag; code shown on a page is escaped (`&lt;a href=…`) and never matches. */
const START_TAG = /<[a-z][a-z0-9-]*\s[^>]*>/gi;

/** Every `href`, `src` and `srcset` URL in a page that points inside the site. */
export function internalLinks(html: string): string[] {
  const links: string[] = [];
  for (const [tag] of html.matchAll(START_TAG)) {
    for (const match of tag.matchAll(LINK_ATTRIBUTE)) links.push(match[1] ?? match[2] ?? '');
    for (const match of tag.matchAll(SRCSET_ATTRIBUTE)) {
      links.push(...(match[1] ?? match[2] ?? '').split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? ''));
    }
  }
  return links
    .map((link) => link.replace(ENTITY, (_entity, name: string) => ENTITIES[name]!))
    .filter(
      (link) => link !== '' && !link.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(link) && !link.startsWith('//'),
    );
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

/** Every dangling internal link of the given pages. */
export function findDanglingLinks(
  pages: ReadonlyMap<string, string>,
  base: string,
  exists: (file: string) => boolean,
): DanglingLink[] {
  const normalisedBase = base.endsWith('/') ? base : `${base}/`;
  const dangling: DanglingLink[] = [];
  for (const [page, html] of pages) {
    for (const link of new Set(internalLinks(html))) {
      if (!resolveLink(link, page, normalisedBase, exists)) dangling.push({ page, link });
    }
  }
  return dangling;
}

const ANCHOR_START_TAG = /<a\s[^>]*>/gi;

/**
 * Gives every link to another site `rel="noopener noreferrer"`, keeping any rel
 * values it had: the target gets no handle on the page and no referrer.
 * Links within `siteOrigin` are left alone.
 */
export function secureExternalLinks(html: string, siteOrigin: string): string {
  return html.replace(ANCHOR_START_TAG, (tag) => {
    const href = /\shref\s*=\s*"([^"]*)"/i.exec(tag)?.[1];
    if (!href || !/^https?:\/\//i.test(href) || href.startsWith(siteOrigin)) return tag;
    const rel = /\srel\s*=\s*"([^"]*)"/i.exec(tag);
    const values = new Set([...(rel?.[1]?.split(/\s+/).filter(Boolean) ?? []), 'noopener', 'noreferrer']);
    const attribute = ` rel="${[...values].join(' ')}"`;
    return rel ? tag.replace(rel[0], attribute) : tag.replace(/\s*(\/?)>$/, `${attribute}$1>`);
  });
}
