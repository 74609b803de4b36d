/**
 * Tells `npm run build` (`src/lib/site-build.ts`), when it started this build,
 * that every page is written in its final form and where: the search index
 * starts reading the pages then, while the link check runs, instead of after
 * Astro has exited. List it after every integration that rewrites pages' text
 * (diagrams); finish-pages, after it, only adds `rel` attributes, atomically.
 * A build run as `astro build` alone has no one to tell, and does nothing here.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The message `npm run build` receives over the IPC channel it opened. */
export interface PagesWrittenMessage {
  type: 'pages-written';
  /** The output folder, absolute. */
  outDir: string;
}

/** Sends the message through `send` (the process's IPC channel), then closes the channel so it keeps no process alive. */
export function announcePagesWritten(
  outDir: string,
  channel: Pick<NodeJS.Process, 'send' | 'disconnect'> = process,
): Promise<void> {
  if (!channel.send) return Promise.resolve();
  const message: PagesWrittenMessage = { type: 'pages-written', outDir };
  return new Promise((done) => {
    channel.send?.(message, () => {
      channel.disconnect();
      done();
    });
  });
}

/** The integration; list it after diagrams and before finish-pages (see above). */
export default function pagesWritten(): AstroIntegration {
  return {
    name: 'postmortems:pages-written',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await announcePagesWritten(fileURLToPath(dir));
      },
    },
  };
}
