import { existsSync, realpathSync } from 'node:fs';
import { dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import { scanHtml } from '../../raw-html';
import { quoteValue } from '../../errors';
import type { LintDocument } from '../document';
import type { LintContext, Report, LintRule } from '../types';
import { startOf } from './safe-html';

/** Whether a URL names a file rather than a site (`./a.png`, `a.png`, `/a.png`, `file:…`). */
function isFileReference(url: string): boolean {
  return !/^(?:https?|mailto):/i.test(url) && !url.startsWith('#') && url.trim() !== '';
}

/** True when `child` is `parent` or inside it. */
function isInside(parent: string, child: string): boolean {
  const path = relative(parent, child);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/** Why an image reference cannot be published, or `undefined` when it can. */
function imageProblem(url: string, document: LintDocument, context: LintContext): string | undefined {
  if (!isFileReference(url)) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/') || url.startsWith('\\')) {
    return `image ${quoteValue(url)} is not a path relative to the postmortem; put the file next to it and write \`./name.png\``;
  }
  let path: string;
  try {
    path = resolve(dirname(document.absolutePath), decodeURI(url.split(/[?#]/)[0]!));
  } catch {
    return `image ${quoteValue(url)} is not a valid path; write it as \`./name.png\``;
  }
  if (!isInside(context.contentDir, path)) {
    return `image ${quoteValue(url)} is outside the content folder; put the file next to the postmortem`;
  }
  if (extname(path).toLowerCase() === '.svg') {
    return `image ${quoteValue(url)} is an SVG, which can carry scripts; export it as PNG or WebP, or draw it as a mermaid diagram`;
  }
  if (!existsSync(path))
    return `image ${quoteValue(url)} does not exist; put the file next to the postmortem or fix the path`;
  if (!isInside(realpathSync(context.contentDir), realpathSync(path))) {
    return `image ${quoteValue(url)} is a link to a file outside the content folder; copy the file itself next to the postmortem`;
  }
  return undefined;
}

function checkRawImages(document: LintDocument, context: LintContext, report: Report): void {
  for (const node of document.nodes('html')) {
    const start = node.position?.start.offset ?? 0;
    for (const tag of scanHtml(node.value).tags) {
      for (const attribute of tag.attributes) {
        if (attribute.name !== 'src') continue;
        const problem = imageProblem(attribute.value, document, context);
        if (problem) report(document.positionAt(start + attribute.offset), problem);
      }
    }
  }
}

export const imagesExist: LintRule = {
  id: 'image-exists',
  severity: 'error',
  needsTree: true,
  description:
    'Images are files next to the postmortem, referenced relatively (`![…](./error-rate.png)`): inside the content folder (no `..` out of it, no absolute or `file:` path, no symbolic link leaving it), not SVG, and present.',
  check(document, context, report) {
    if (!document.tree) return;
    for (const node of document.nodes('image')) {
      const problem = imageProblem(node.url, document, context);
      if (problem) report(startOf(node), problem);
    }
    checkRawImages(document, context, report);
    for (const element of document.nodes('mdxJsxFlowElement', 'mdxJsxTextElement')) {
      // A chart's `src` is its data file, not an image: metric-chart checks it.
      if (element.name === 'MetricChart') continue;
      for (const attribute of element.attributes) {
        if (attribute.type !== 'mdxJsxAttribute' || attribute.name !== 'src' || typeof attribute.value !== 'string')
          continue;
        const problem = imageProblem(attribute.value, document, context);
        if (problem) report(startOf(element), problem);
      }
    }
  },
};
