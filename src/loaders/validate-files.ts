/**
 * Step 2 of the loader, second half: validate and lint the files that changed,
 * with the cross-file rules against every file of the folder, exactly as
 * `npm run check` does (`checkContentFolder`), and stop the build on an error.
 * The build and `astro dev`'s reload of one file both come through here.
 */
import type { AstroIntegrationLogger } from 'astro';
import { checkContentFolder, parallelWorkers, type CheckedFolder } from '../lib/content-folder';
import { BUILD_RULES, type LintContext } from '../lib/lint';
import type { PostmortemSchemaOptions } from '../schemas/postmortem';
import { failOn } from './build-errors';

/** What to validate, and where to say how it went. */
export interface ValidateFilesOptions {
  root: string;
  contentDir: string;
  schema: PostmortemSchemaOptions;
  lintContext: LintContext;
  /** Every postmortem file of the folder, relative to `contentDir`. */
  all: readonly string[];
  /** The files to validate, relative to `contentDir`; `undefined` for all of them. */
  only: readonly string[] | undefined;
  logger: Pick<AstroIntegrationLogger, 'info' | 'warn'>;
}

/**
 * Validates `only` (or every file) against the schema and the build's lint
 * rules, on every core for a large folder; throws the build's error naming
 * each problem, else returns each file's validated data.
 */
export async function validateFiles({
  root,
  contentDir,
  schema,
  lintContext,
  all,
  only,
  logger,
}: ValidateFilesOptions): Promise<CheckedFolder> {
  const started = performance.now();
  const workers = parallelWorkers(only?.length ?? all.length);
  const folder = await checkContentFolder({
    root,
    contentDir,
    schema,
    only,
    lint: { rules: BUILD_RULES, context: lintContext },
    workers,
    log: (line) => {
      logger.warn(line);
    },
  });
  failOn(folder.problems);
  logger.info(
    `Validated ${folder.files.length} of ${all.length} postmortems in ${Math.round(performance.now() - started)} ms` +
      `${workers > 0 ? ` on ${workers + 1} threads` : ''}${only ? '; the others are unchanged since the last build' : ''}.`,
  );
  return folder;
}
