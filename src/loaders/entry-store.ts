/**
 * Step 4 of the loader: the store the entries go to (`storeEntries`).
 * Only entries of this build's audience get in, and an MDX entry rendered while
 * syncing is stored with its HTML, like a Markdown entry.
 */
import { relative, resolve } from 'node:path';
import type { DataStore } from 'astro/loaders';
import { isInBuild } from '../lib/audience';
import type { RenderedBody } from '../lib/plain-mdx';
import type { PostmortemData } from '../schemas/postmortem';

/** Who this build is for, and whether drafts are shown (`astro dev`). */
export type AudienceFilter = Parameters<typeof isInBuild>[1];

/**
 * `store` as `storeEntries` should see it: an entry of another audience is
 * deleted and recorded in `excluded` (by path relative to `contentDir`, and
 * digest) instead, so it has no page, module, image or search record; an MDX
 * entry whose body is in `renderedByPath` is stored with that HTML instead of
 * being left for Astro to compile into a module (`deferredRender`).
 */
export function audienceStore(
  store: DataStore,
  { root, contentDir, audience }: { root: string; contentDir: string; audience: AudienceFilter },
  renderedByPath: ReadonlyMap<string, RenderedBody>,
  excluded: Map<string, string>,
): DataStore {
  return {
    ...store,
    set: (entry) => {
      const path = resolve(root, entry.filePath ?? '');
      if (!isInBuild(entry.data as unknown as Pick<PostmortemData, 'status' | 'visibility'>, audience)) {
        excluded.set(relative(contentDir, path), String(entry.digest ?? ''));
        store.delete(entry.id);
        return false;
      }
      excluded.delete(relative(contentDir, path));
      const rendered = entry.deferredRender ? renderedByPath.get(path) : undefined;
      if (!rendered) return store.set(entry);
      const { deferredRender: _, ...stored } = entry;
      return store.set({ ...stored, rendered });
    },
  };
}
