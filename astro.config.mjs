// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import diagrams from './src/integrations/diagrams.ts';
import linkCheck from './src/integrations/link-check.ts';
import searchIndex from './src/integrations/search-index.ts';
import siteConfig from './src/site.config.ts';

export default defineConfig({
  site: siteConfig.url,
  // A site served from a sub-path (GitHub Pages project sites) gets every link prefixed with it.
  base: new URL(siteConfig.url).pathname,
  // Separate caches let several builds run side by side (tests, benchmarks) and let CI keep one between runs.
  ...(process.env.POSTMORTEMS_CACHE_DIR ? { cacheDir: process.env.POSTMORTEMS_CACHE_DIR } : {}),
  trailingSlash: 'always',
  // Mermaid fences stay plain text so the diagrams integration can render them.
  markdown: { syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid'] } },
  // Frontmatter completion and validation in editors, from the same zod schema (see README, "Editor support").
  experimental: { contentIntellisense: true },
  // Order matters: searchIndex indexes pages as diagrams left them; linkCheck runs last, over every file written.
  integrations: [mdx(), sitemap(), diagrams(), searchIndex(), linkCheck()],
});
