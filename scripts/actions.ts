/** Entry point of `npm run actions`; see src/lib/actions/run.ts. */
import { fileURLToPath } from 'node:url';
import { runActions } from '../src/lib/actions/run';
import { processContext } from '../src/lib/cli';
import siteConfig from '../src/site.config';

process.exitCode = await runActions(processContext(fileURLToPath(new URL('..', import.meta.url)), siteConfig));
