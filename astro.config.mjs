// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import diagrams from './src/integrations/diagrams.ts';
import finishPages from './src/integrations/finish-pages.ts';
import reapChildren from './src/integrations/reap-children.ts';
import mdx from './src/integrations/mdx.ts';
import pagesWritten from './src/integrations/pages-written.ts';
import { resolveAudience } from './src/lib/audience.ts';
import { contentGuard } from './src/lib/content-guard.ts';
import { mdxComponentInputs } from './src/lib/mdx-component-inputs.ts';
import { THEME_SCRIPT_HASH } from './src/lib/theme-script.ts';
import siteConfig from './src/site.config.ts';

export default defineConfig({
  site: siteConfig.url,
  // A site served from a sub-path (GitHub Pages project sites) gets every link prefixed with it.
  base: new URL(siteConfig.url).pathname,
  // Separate caches let several builds run side by side (tests, benchmarks) and let CI keep one between runs.
  ...(process.env.POSTMORTEMS_CACHE_DIR ? { cacheDir: process.env.POSTMORTEMS_CACHE_DIR } : {}),
  trailingSlash: 'always',
  // Four pages at a time: rendering one page overlaps writing others (and their copies in the incremental-build
  // cache); a fifth of the page-generation time on a 2-core machine, byte-identical output.
  build: { concurrency: 4 },
  // Mermaid fences stay plain text so the diagrams integration can render them. MDX uses these settings too: MDX bodies
  // without JSX are rendered with them while content syncs (src/lib/plain-mdx.ts), unless `mdx()` is given options.
  // The content guard comes first in every Markdown and MDX compile: the compiler never sees an expression, an import,
  // markup outside the allow-list or, in the public build, an <Internal> passage (src/lib/content-guard.ts).
  markdown: {
    processor: satteri({
      mdastPlugins: [
        contentGuard({ audience: resolveAudience(process.env['POSTMORTEMS_AUDIENCE']) }),
        // What MDX components need from the compile: the postmortem's path, a figure's image (src/lib/mdx-component-inputs.ts).
        mdxComponentInputs,
      ],
    }),
    syntaxHighlight: { type: 'prism', excludeLangs: ['mermaid'] },
  },
  // A Content-Security-Policy in every page: Astro hashes the scripts and styles it emits; diagrams are
  // SVG files shown as images, so they need no exception; nothing else runs inline.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind's search runs as WebAssembly on /search/; the theme picker's inline script is allowed by its hash.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [THEME_SCRIPT_HASH] },
    },
  },
  vite: {
    build: {
      rolldownOptions: {
        // Astro marks every MDX module with a directive the bundler warns it cannot keep, harmlessly
        // (withastro/astro#18087): one eleven-line warning per postmortem buried every other line of the build log.
        onLog(level, log, print) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:head-inject"')) return;
          print(level, log);
        },
      },
    },
  },
  // Frontmatter completion and validation in editors, from the same zod schema (see README, "Editor support").
  // Incremental builds: a page whose cacheKey (src/lib/page-keys.ts) and template are unchanged is copied from the cache.
  experimental: { contentIntellisense: true, incrementalBuild: true },
  // Order matters. pagesWritten tells `npm run build` the pages are final once diagrams has drawn into them: the search
  // index reads them while finishPages checks every link (src/lib/site-build.ts). reapChildren comes last: it waits
  // for every process the build started (esbuild's service) to be gone.
  integrations: [mdx(), sitemap(), diagrams(), pagesWritten(), finishPages(), reapChildren()],
});
