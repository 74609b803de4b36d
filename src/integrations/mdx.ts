/**
 * Astro's MDX integration, with the options it was given kept where the content
 * loader can read them: plain MDX rendering (`src/lib/plain-mdx.ts`) renders
 * with `mdx()`'s defaults, and turns itself off when it is given any option.
 */
import astroMdx, { type MdxOptions } from '@astrojs/mdx';
import type { AstroIntegration } from 'astro';
import { MDX_OPTIONS_HOOK } from '../lib/plain-mdx';

/** `mdx(options)` from `@astrojs/mdx`, which also records `options` (see `plainMdxUnavailable`). */
export default function mdx(options: Partial<MdxOptions> = {}): AstroIntegration {
  const integration = astroMdx(options);
  return { ...integration, hooks: { ...integration.hooks, [MDX_OPTIONS_HOOK]: { ...options } } };
}
