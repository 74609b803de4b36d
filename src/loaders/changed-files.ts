/**
 * Step 2 of the loader, first half: which files need validating. A file whose
 * text is the one an earlier build validated (Astro's store keeps its digest)
 * under the same key (see `validationKey`) is not validated again, so a rebuild
 * with a kept cache validates one edited postmortem, not ten thousand.
 */
import type { LoaderContext } from 'astro/loaders';
import { readFiles } from '../lib/read-files';
import { idFromPath } from '../lib/validate';

/** Where the loader keeps the files left out of the store for this audience, by path and digest. */
const EXCLUDED = 'postmortems:excluded';

/** Where the loader keeps the key of the rules its store's entries were validated under. */
const VALIDATED_UNDER = 'postmortems:validated-under';

/** What the steps read of Astro's loader context: the store, its meta store and its digest. */
export type StoreContext = Pick<LoaderContext, 'store' | 'meta' | 'generateDigest'>;

/**
 * The files an earlier build under `key` left out of the store as another
 * audience's, by path (relative to the content folder) and digest; none when
 * the store was made under another key.
 */
export function previouslyExcluded({ meta }: Pick<StoreContext, 'meta'>, key: string): Map<string, string> {
  if (meta.get(VALIDATED_UNDER) !== key) return new Map();
  return new Map(JSON.parse(meta.get(EXCLUDED) ?? '[]') as [string, string][]);
}

/** Records that the store now holds entries validated under `key`, and which files it left out. */
export function rememberValidation(
  { meta }: Pick<StoreContext, 'meta'>,
  key: string,
  excluded: ReadonlyMap<string, string>,
): void {
  meta.set(VALIDATED_UNDER, key);
  meta.set(EXCLUDED, JSON.stringify([...excluded]));
}

/**
 * The files of `all` (relative to `contentDir`) that need validating: all of
 * them (`undefined`) unless the store holds entries validated under `key`; then
 * only those whose text changed since, are new, or link to a postmortem that is gone.
 */
export async function filesToValidate(
  context: StoreContext,
  contentDir: string,
  all: readonly string[],
  key: string,
  excluded: ReadonlyMap<string, string>,
): Promise<string[] | undefined> {
  if (context.meta.get(VALIDATED_UNDER) !== key) return undefined;
  const ids = new Set(all.map(idFromPath));
  const changed: string[] = [];
  for await (const { file, text } of readFiles(contentDir, all)) {
    const id = idFromPath(file);
    const digest = context.generateDigest(text);
    const stored = context.store.get<{ related?: string[] }>(id);
    const unchanged =
      excluded.get(file) === digest ||
      (stored?.digest === digest &&
        (stored.data.related ?? []).every((relatedId) => relatedId !== id && ids.has(relatedId)));
    if (!unchanged) changed.push(file);
  }
  return changed;
}
