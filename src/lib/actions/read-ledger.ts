/**
 * The action ledger from the content folder, read the way `npm run check` reads
 * it (same files, same schema, no Astro), for the command line and the
 * scheduled workflow. The postmortems are those the internal build publishes
 * (`POSTMORTEMS_AUDIENCE` to choose another audience); drafts are left out.
 */
import { slug } from 'github-slugger';
import { buildActionLedger, type ActionLedger } from '../action-items';
import { isInBuild, resolveAudience } from '../audience';
import type { CommandContext } from '../cli';
import { checkContentFolder, listPostmortemFiles, parallelWorkers, resolveContentDir } from '../content-folder';
import { buildCorpus, type PostmortemRecord } from '../corpus';
import { duePolicyOf, siteToday } from '../due-dates';
import { createSitePaths } from '../paths';

/** A postmortem as the command line knows it: where its file is and where its page will be. */
export interface FileRecord extends PostmortemRecord {
  /** Path of the file from the project root, as `check` shows it. */
  file: string;
  /** Absolute URL of the postmortem's page on the deployed site. */
  url: string;
}

/** The ledger of a content folder, and the files left out because they do not validate. */
export interface FolderLedger {
  ledger: ActionLedger<FileRecord>;
  /** Files with schema errors (run `npm run check` for why); their items are not in the ledger. */
  invalidFiles: string[];
  /** GitHub handles by owner slug, from `followThrough.githubHandles`. */
  handles: Map<string, string>;
}

/** Reads every postmortem of the content folder and gathers their action items as of `context.now`. */
export async function readFolderLedger(
  context: Pick<CommandContext, 'root' | 'env' | 'now' | 'config'>,
): Promise<FolderLedger> {
  const { root, env, config } = context;
  const contentDir = resolveContentDir(root, env);
  const audience = resolveAudience(env['POSTMORTEMS_AUDIENCE']);
  const { files } = await checkContentFolder({
    root,
    contentDir,
    schema: { severities: config.severities, defaultTimezone: config.defaultTimezone },
    workers: parallelWorkers((await listPostmortemFiles(contentDir)).length),
  });
  // Links follow the deployed site's base path, as Astro's BASE_URL does (see astro.config.mjs).
  const paths = createSitePaths(new URL(config.url).pathname);
  const records: FileRecord[] = files.flatMap(({ id, file, data }) =>
    data && isInBuild(data, { audience, includeDrafts: false })
      ? [{ id, file, data, url: new URL(paths.postmortem(id), config.url).href }]
      : [],
  );
  const policy = duePolicyOf(config);
  const ledger = buildActionLedger(buildCorpus(records, config.severities).items, {
    today: siteToday(context.now, policy),
    policy,
  });
  const handles = new Map(
    Object.entries(config.followThrough.githubHandles).map(([owner, handle]) => [slug(owner), handle]),
  );
  return { ledger, invalidFiles: files.filter((file) => !file.data).map((file) => file.file), handles };
}
