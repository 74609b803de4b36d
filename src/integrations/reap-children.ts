/**
 * The last integration of a build: stops the esbuild service Vite starts and
 * waits until every process the build started is gone. esbuild's `stop()`
 * only signals its process (https://unpkg.com/esbuild@0.28.2/lib/main.js,
 * `var stop`), and Node exits without waiting for it: each build left one
 * esbuild process behind, a zombie for good under a container's init that
 * reaps nothing. Node reaps a child it started as soon as the child ends, so
 * waiting for the process to vanish is waiting for it to be reaped.
 */
import { createRequire } from 'node:module';
import type { AstroIntegration } from 'astro';
import { readProcessTable, waitForExit } from '../lib/process-table';

const require = createRequire(import.meta.url);

/** Stops the esbuild service when this process has loaded esbuild; the module Vite loaded, since require's cache is shared. */
function stopEsbuild(): void {
  const loaded = require.cache[require.resolve('esbuild')];
  if (!loaded) return;
  void (loaded.exports as { stop(): Promise<void> }).stop();
}

/** Stops esbuild and resolves once no process this one started remains (or after `timeoutMs`), to those left. */
export async function reapChildren({ timeoutMs = 10_000 }: { timeoutMs?: number } = {}): Promise<string[]> {
  stopEsbuild();
  const children = (await readProcessTable()).filter((entry) => entry.ppid === process.pid);
  const left = await waitForExit(children, { timeoutMs });
  return left.map((entry) => `${entry.name} (${entry.pid})`);
}

/** The integration; list it last, after every integration that may still run a process of its own. */
export default function reapChildrenIntegration(): AstroIntegration {
  return {
    name: 'postmortems:reap-children',
    hooks: {
      'astro:build:done': async ({ logger }) => {
        const left = await reapChildren();
        if (left.length > 0) logger.warn(`Processes still running at the end of the build: ${left.join(', ')}.`);
      },
    },
  };
}
