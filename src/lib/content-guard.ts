/**
 * The renderer's half of "a postmortem is data, never code": the first plugin
 * of every Markdown and MDX compile (`astro.config.mjs`), so what reaches the
 * compiler holds no code whatever the lint rules missed.
 *
 * - MDX expressions, `import`/`export`, expression-valued and spread attributes
 *   are removed from the tree: the compiler never sees author code, so it never
 *   evaluates any. (`npm run check` and the build's lint reject them first, with
 *   their line; `{/* comments *\/}` are dropped here, as MDX itself would.)
 * - Elements, attributes and URLs outside `src/lib/content-policy.ts` are removed.
 * - HTML comments are removed: they are notes to other writers.
 * - In the public build, `<Internal>` passages are removed before any other
 *   plugin reads the tree, with the link definitions written inside them (the
 *   parser lifts those out of the passage): no heading, footnote, image or
 *   definition of theirs reaches the page, its outline or the search index.
 */
import type { Root } from 'mdast';
import type { MdastPluginDefinition, MdastVisitorContext, MdxJsxFlowElement, MdxJsxTextElement } from 'satteri';
import type { Audience } from './audience';
import {
  ALLOWED_ELEMENTS,
  htmlAttributeName,
  isAllowedAttribute,
  isAllowedHtml,
  isHtmlElementName,
  isInternalTag,
  isMdxComponent,
  isSafeAttributeValue,
  isSafeUrl,
} from './content-policy';
import { scanHtml, withoutComments } from './raw-html';

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** Whether the element may be rendered at all in a build for `audience`. */
function keepsElement(element: JsxElement, audience: Audience): boolean {
  const { name } = element;
  if (name === null) return false;
  if (isInternalTag(name)) return name === 'Internal' && audience === 'internal';
  return isHtmlElementName(name) ? ALLOWED_ELEMENTS.has(name) : isMdxComponent(name);
}

/** The attributes that may stay: literal, allowed on the element, with safe URLs. */
function safeAttributes(element: JsxElement): JsxElement['attributes'] {
  const name = element.name ?? '';
  return element.attributes.filter((attribute) => {
    if (attribute.type !== 'mdxJsxAttribute') return false;
    if (typeof attribute.value === 'object' && attribute.value !== null) return false;
    const html = htmlAttributeName(attribute.name);
    if (typeof attribute.value === 'string' && !isSafeAttributeValue(html, attribute.value)) return false;
    return !isHtmlElementName(name) || isAllowedAttribute(name, html);
  });
}

/** Offsets of the `<Internal>` passages of a tree. */
function internalRanges(root: Readonly<Root>): [number, number][] {
  const ranges: [number, number][] = [];
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop() as { type: string; name?: string; children?: unknown[]; position?: Root['position'] };
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && isInternalTag(node.name)) {
      ranges.push([node.position?.start.offset ?? 0, node.position?.end.offset ?? 0]);
    } else if (node.children) pending.push(...node.children);
  }
  return ranges;
}

/** The guard for a build for `audience`; see the module's comment. */
export function contentGuard({ audience }: { audience: Audience }): MdastPluginDefinition {
  let internal: [number, number][] = [];
  const remove = (node: Parameters<MdastVisitorContext['removeNode']>[0], context: MdastVisitorContext) => {
    context.removeNode(node);
  };
  const element = (node: Readonly<JsxElement>, context: MdastVisitorContext) => {
    if (!keepsElement(node, audience)) {
      context.removeNode(node);
      return;
    }
    const attributes = safeAttributes(node);
    // Sätteri cannot set attributes in place: the element is replaced by a copy with the safe ones.
    if (attributes.length !== node.attributes.length) context.replaceNode(node, { ...node, attributes });
  };
  return {
    name: 'postmortems-content-guard',
    options: { position: true },
    before(root) {
      internal = audience === 'public' ? internalRanges(root) : [];
    },
    mdxjsEsm: remove,
    mdxFlowExpression: remove,
    mdxTextExpression: remove,
    mdxJsxFlowElement: element,
    mdxJsxTextElement: element,
    html(node, context) {
      const scanned = scanHtml(node.value);
      if (!isAllowedHtml(scanned)) context.removeNode(node);
      else if (scanned.comments.length > 0) {
        const kept = withoutComments(node.value, scanned.comments);
        if (kept.trim() === '') context.removeNode(node);
        else context.setProperty(node, 'value', kept);
      }
    },
    definition(node, context) {
      const offset = node.position?.start.offset ?? -1;
      if (!isSafeUrl(node.url) || internal.some(([start, end]) => offset >= start && offset < end)) {
        context.removeNode(node);
      }
    },
    link(node, context) {
      if (!isSafeUrl(node.url)) context.replaceNode(node, [...node.children]);
    },
    image(node, context) {
      if (!isSafeUrl(node.url)) context.removeNode(node);
    },
  };
}
