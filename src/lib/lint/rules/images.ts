import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { LintRule } from '../types';

/** Local images are referenced relative to the postmortem (`./diagram.png`); URLs are left alone. */
function isLocalPath(url: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('/') && !url.startsWith('#');
}

export const imagesExist: LintRule = {
  id: 'image-exists',
  severity: 'error',
  needsTree: true,
  description: 'Every image stored next to a postmortem and referenced relatively exists.',
  check(document, _context, report) {
    if (!document.tree) return;
    for (const node of document.nodes('image')) {
      if (!isLocalPath(node.url)) return;
      const path = resolve(dirname(document.absolutePath), decodeURI(node.url.split(/[?#]/)[0]!));
      if (!existsSync(path)) {
        report(
          { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 },
          `image \`${node.url}\` does not exist; put the file next to the postmortem or fix the path`,
        );
      }
    }
  },
};
