/**
 * Step 4 of the loader: the entries, into Astro's store, as Astro's glob loader
 * would put them there, without its work: it reads every file and parses every
 * frontmatter again after step 2 has, 10 to 12 s of a 10,000-postmortem build,
 * cold or warm. Here a file that did not change keeps its entry untouched and
 * one that did is read once more, for its digest, and stored with the data
 * step 2 validated.
 */
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DataStore, LoaderContext } from 'astro/loaders';
import { readFiles } from '../lib/read-files';
import { idFromPath } from '../lib/validate';

/** What storing reads of Astro's loader context. */
export type StoreEntriesContext = Pick<LoaderContext, 'generateDigest' | 'renderMarkdown' | 'logger'> & {
  store: DataStore;
};

/** The entries to store. */
export interface StoreEntriesOptions {
  /** The project root: entries record their file relative to it, as Astro's loaders do. */
  root: string;
  contentDir: string;
  /** Every file in the build, relative to `contentDir`. */
  files: readonly string[];
  /** The files of `files` that changed since the store was made; `undefined` for all of them. */
  changed: ReadonlySet<string> | undefined;
  /** Validated data by file, relative to `contentDir`, for every changed file. */
  dataOf: (file: string) => Record<string, unknown> | undefined;
}

/** An Astro store's way of keeping the images a Markdown entry shows: on the store Astro hands loaders, not in its type. */
type AssetImports = { addAssetImports?: (assets: string[], filePath: string) => void };

/**
 * Stores an entry for each of `files` (relative to `contentDir`) with its data from `dataOf`, read once more for its
 * digest: an MDX entry to be compiled by Astro (`deferredRender`; the audience store puts in the HTML of one rendered
 * while syncing), a Markdown entry with its HTML. Resolves to the ids stored.
 */
export async function storeFiles(
  context: StoreEntriesContext,
  { root, contentDir, files, dataOf }: Omit<StoreEntriesOptions, 'changed'>,
): Promise<string[]> {
  const { store } = context;
  const ids: string[] = [];
  for await (const { file, path, text } of readFiles(contentDir, files)) {
    const data = dataOf(file);
    if (data === undefined) throw new Error(`${file} was not validated before it was stored`);
    const id = idFromPath(file);
    const entry = {
      id,
      data,
      filePath: relative(root, path).replaceAll('\\', '/'),
      digest: context.generateDigest(text),
    };
    if (file.endsWith('.mdx')) store.set({ ...entry, deferredRender: true });
    else {
      const rendered = await context.renderMarkdown(text, { fileURL: pathToFileURL(path) }).catch((error: unknown) => {
        context.logger.error(`Error rendering ${file}: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      });
      const images = rendered?.metadata?.imagePaths;
      store.set({ ...entry, ...(rendered ? { rendered } : {}), ...(images?.length ? { assetImports: images } : {}) });
    }
    ids.push(id);
  }
  return ids;
}

/**
 * Makes `context.store` hold the entries of `options.files` and nothing else: an unchanged file keeps its entry,
 * the others are stored by `storeFiles`.
 */
export async function storeEntries(context: StoreEntriesContext, options: StoreEntriesOptions): Promise<void> {
  const { store } = context;
  const kept = new Set<string>();
  const toStore: string[] = [];
  for (const file of options.files) {
    const existing = options.changed?.has(file) === false ? store.get(idFromPath(file)) : undefined;
    if (!existing?.filePath) {
      toStore.push(file);
      continue;
    }
    // What Astro's loaders do for an entry they keep: its module and images are imported again by this build.
    if (existing.deferredRender) store.addModuleImport(existing.filePath);
    if (existing.assetImports?.length)
      (store as DataStore & AssetImports).addAssetImports?.(existing.assetImports, existing.filePath);
    kept.add(existing.id);
  }
  for (const id of await storeFiles(context, { ...options, files: toStore })) kept.add(id);
  for (const id of store.keys()) if (!kept.has(id)) store.delete(id);
}
