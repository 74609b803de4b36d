/**
 * MDX without any MDX in it, rendered to HTML while content syncs.
 *
 * Most `.mdx` postmortems are Markdown that could hold a component but does
 * not. Astro compiles every MDX file into a JavaScript module that Vite bundles
 * and the build then imports: about 5 ms a file, 44 s at 10,000 postmortems,
 * redone on every build because the bundler keeps no cache. A body without JSX
 * (other than `<Internal>` passages), expressions, `import`/`export` or images
 * ("plain") renders to the same HTML as a string:
 * Astro's own MDX compiler (Sätteri) with the same settings and plugins, its
 * static parts collapsed to HTML as `mdx({ optimize: true })` does. The string
 * is stored with the entry, like a Markdown file's, and is kept between builds.
 */
import {
  isSatteriProcessor,
  satteriCreateHighlightFn,
  satteriHeadingIdsPlugin,
  satteriHighlightPlugin,
  type SatteriFeatures,
} from '@astrojs/markdown-satteri';
import type { AstroConfig, MarkdownHeading } from 'astro';
import { evaluate, type EvaluateOptions, type Features, type MdastPluginDefinition } from 'satteri';

/** A body rendered to HTML, in the shape of an entry's `rendered` field. */
export interface RenderedBody {
  html: string;
  metadata: { headings: MarkdownHeading[] };
}

/** Renders an MDX body to HTML; `undefined` when it is not plain and needs Astro's compile. */
export type PlainMdxRenderer = (body: string, fileURL: URL) => Promise<RenderedBody | undefined>;

/** Thrown when the body holds something only Astro's compile and runtime can render. */
class NotStatic extends Error {}

/**
 * The one component a plain body may hold: an `<Internal>` passage, which
 * holds Markdown and nothing else, rendered as `src/components/mdx/Internal.astro`
 * renders it in the internal build (a test compares the two). The public build
 * never gets here with one: the content guard removes every passage first.
 */
const INTERNAL_PASSAGE = Symbol('Internal');
const INTERNAL_PASSAGE_START =
  '<section class="internal-passage" aria-label="Internal only"><p class="internal-label">Internal</p>';

/**
 * Stops the compile at the first node that needs Astro: JSX other than a bare
 * `<Internal>` passage, expressions and ESM (never evaluated here), and images,
 * which Astro optimises.
 */
const requirePlainMdx: MdastPluginDefinition = {
  name: 'postmortems-require-plain-mdx',
  mdxJsxFlowElement(node) {
    if (node.name !== 'Internal' || node.attributes.length > 0) throw new NotStatic();
  },
  ...Object.fromEntries(
    ['mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'image', 'imageReference'].map(
      (type) => [
        type,
        () => {
          throw new NotStatic();
        },
      ],
    ),
  ),
};

const Fragment = Symbol('Fragment');

/** HTML of a compiled body's output: Fragments of static HTML, nothing else. */
function staticHtml(node: unknown): string {
  if (Array.isArray(node)) return node.map(staticHtml).join('');
  if (typeof node === 'object' && node !== null && 'html' in node && typeof node.html === 'string') return node.html;
  throw new NotStatic();
}

/**
 * The JSX runtime the compiled body runs with. Static content compiles to
 * `<Fragment set:html="…">`, and an `<Internal>` passage wraps static content;
 * any other element or a bare string would need Astro's renderer (and its
 * escaping), so it makes the body fall back to one.
 */
const staticRuntime: Pick<EvaluateOptions, 'Fragment' | 'jsx' | 'jsxs'> = {
  Fragment,
  jsx: (type, props) => {
    if (typeof props !== 'object' || props === null) throw new NotStatic();
    if (type === INTERNAL_PASSAGE)
      return { html: `${INTERNAL_PASSAGE_START}${'children' in props ? staticHtml(props.children) : ''}</section>` };
    if (type !== Fragment) throw new NotStatic();
    if ('set:html' in props && typeof props['set:html'] === 'string') return { html: props['set:html'] };
    if ('children' in props) return { html: staticHtml(props.children) };
    throw new NotStatic();
  },
  jsxs: (type, props) => staticRuntime.jsx(type, props),
};

/**
 * The features Astro's MDX compile gets from the Markdown settings: the
 * processor's own, with GFM and smart punctuation on unless turned off
 * (mirrors `@astrojs/markdown-satteri`'s MDX processor, for `mdx()` without options).
 */
function mdxFeatures(markdown: AstroConfig['markdown'], features: SatteriFeatures): Features {
  const { gfm, smartPunctuation } = features;
  return {
    ...features,
    gfm: typeof gfm === 'object' ? gfm : (gfm ?? markdown.gfm ?? true),
    smartPunctuation:
      typeof smartPunctuation === 'object'
        ? smartPunctuation
        : (smartPunctuation ?? markdown.smartypants ?? true) !== false,
  };
}

/**
 * The key under which `src/integrations/mdx.ts` keeps the options `mdx()` was
 * given, among its hooks (Astro keeps an integration's name and hooks, nothing else).
 */
export const MDX_OPTIONS_HOOK = 'postmortems:mdx-options';

/**
 * Why plain MDX rendering cannot stand in for Astro's MDX compile under
 * `config`, or `undefined` when it can. It renders with the Markdown settings
 * (processor, plugins, highlighting) and `mdx()`'s defaults, so any option given
 * to `mdx()`, or another processor than Sätteri, turns it off. Plugins that the
 * Sätteri processor runs, from the config or added by integrations, are honoured.
 */
export function plainMdxUnavailable(config: Pick<AstroConfig, 'markdown' | 'integrations'>): string | undefined {
  const { processor } = config.markdown;
  if (!isSatteriProcessor(processor))
    return `the Markdown processor is \`${processor.name}\`, and plain MDX renders with Sätteri only`;
  const integrations = config.integrations.filter((integration) => integration.name === '@astrojs/mdx');
  if (integrations.length !== 1) return `${integrations.length} \`mdx()\` integrations are configured, not one`;
  const options = integrations[0]!.hooks[MDX_OPTIONS_HOOK];
  if (typeof options !== 'object' || options === null)
    return '`mdx()` comes from `@astrojs/mdx` itself, whose options cannot be read: import it from `src/integrations/mdx.ts`';
  const given = Object.entries(options)
    .filter(([, value]) => value !== undefined)
    .map(([name]) => `\`${name}\``);
  if (given.length > 0) return `\`mdx()\` has options (${given.join(', ')}) that plain MDX rendering does not apply`;
  return undefined;
}

/**
 * A renderer for plain MDX bodies with the site's Markdown settings, or
 * `undefined` when those settings use another processor than Sätteri (every
 * MDX file then goes through Astro's compile).
 */
export async function createPlainMdxRenderer(markdown: AstroConfig['markdown']): Promise<PlainMdxRenderer | undefined> {
  const { processor } = markdown;
  if (!isSatteriProcessor(processor)) return undefined;
  // Astro's config types and the helper's differ only in how they spell optional fields.
  type HighlightSettings = Parameters<typeof satteriCreateHighlightFn>;
  const highlight = await satteriCreateHighlightFn(
    markdown.syntaxHighlight as HighlightSettings[0],
    markdown.shikiConfig as HighlightSettings[1],
  );
  const excludeLangs = typeof markdown.syntaxHighlight === 'object' ? markdown.syntaxHighlight.excludeLangs : undefined;
  const features = mdxFeatures(markdown, processor.options.features);
  // The plugins of Astro's MDX compile that apply to a body without images or JSX, in the same order. The heading ids
  // plugin is a factory, which Sätteri calls for each compile: every body numbers its repeated headings afresh.
  const mdastPlugins = [...processor.options.mdastPlugins, requirePlainMdx];
  const hastPlugins = [
    ...(highlight ? [satteriHighlightPlugin(highlight, excludeLangs)] : []),
    ...processor.options.hastPlugins,
    satteriHeadingIdsPlugin(),
  ];
  return async (body, fileURL) => {
    const data = {
      astro: {
        frontmatter: {},
        headings: [] as MarkdownHeading[],
        localImagePaths: new Set<string>(),
        remoteImagePaths: new Set<string>(),
      },
    };
    try {
      const compiled = await evaluate(body, {
        ...staticRuntime,
        mdastPlugins,
        hastPlugins,
        features,
        fileURL,
        data,
        elementAttributeNameCase: 'html',
        optimizeStatic: { component: 'Fragment', prop: 'set:html' },
      });
      const Content = compiled.default as (props: object) => unknown;
      return {
        html: staticHtml(Content({ components: { Fragment, Internal: INTERNAL_PASSAGE } })),
        metadata: { headings: data.astro.headings },
      };
    } catch {
      // Not plain, or not valid MDX: Astro's compile renders the file, or reports its error with a location.
      return undefined;
    }
  };
}
