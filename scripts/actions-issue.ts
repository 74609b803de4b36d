/** Entry point of `npm run actions:issue`; see src/lib/actions/issue-run.ts. */
import { fileURLToPath } from 'node:url';
import { runActionsIssue } from '../src/lib/actions/issue-run';
import { processContext } from '../src/lib/cli';
import siteConfig from '../src/site.config';

process.exitCode = await runActionsIssue(processContext(fileURLToPath(new URL('..', import.meta.url)), siteConfig));
