/**
 * A real browser for end-to-end tests: Debian's Chromium driven by
 * playwright-core (CI installs the `chromium` package; nothing is downloaded),
 * plus what the tests look for in a page: errors and accessibility violations.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../src/integrations/diagrams';

/** Chromium to drive: `CHROMIUM_PATH`, else Debian's. */
const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Starts a headless Chromium; close it in `afterAll`. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/**
 * Collects the page's console errors and uncaught exceptions into the returned
 * array as they happen. The browser's own request for `/favicon.ico`, which the
 * site does not have, is left out: no page asks for it.
 */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    const url = message.location().url;
    if (message.type() === 'error' && !url.endsWith('/favicon.ico')) errors.push(`${message.text()} at ${url}`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** An accessibility rule broken on a page, with the elements that break it. */
export interface Violation {
  rule: string;
  impact: string;
  help: string;
  elements: string[];
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

/**
 * Runs axe-core on the page as it is now and returns the serious and critical
 * violations. axe is evaluated through the DevTools protocol rather than added as
 * a script tag, which the page's Content-Security-Policy rightly refuses.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  return (await allViolations(page)).filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
}

/** Runs axe-core on the page as it is now and returns every violation, whatever its impact. */
export async function allViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? '',
    help: violation.help,
    elements: violation.nodes.map((node) => node.target.join(' ')),
  }));
}
