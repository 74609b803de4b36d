/**
 * What the MDX components need from the compile besides their props, given to
 * them by the plugin that runs right after the content guard (`astro.config.mjs`):
 *
 * - `<MetricChart>` gets `postmortemFile`, the absolute path of the postmortem
 *   being compiled, so it reads its data file and the incident's instants at
 *   render time (`src/data/metric-charts.ts`); a value the author wrote is replaced.
 * - `<Figure src alt>` gets its image as a Markdown image inside it, so the image
 *   is optimised, checked and filtered exactly as `![alt](src)` is.
 */
import { fileURLToPath } from 'node:url';
import type { Image } from 'mdast';
import type {
  MdastPluginDefinition,
  MdastVisitorContext,
  MdxJsxFlowElement,
  MdxJsxTextElement,
  PluginFactoryContext,
} from 'satteri';

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;
type Attribute = JsxElement['attributes'][number];

/** The prop through which `<MetricChart>` learns which postmortem it is in. */
const POSTMORTEM_FILE_PROP = 'postmortemFile';

/** The literal value of `name` on `element`, if it has one. */
function literal(element: JsxElement, name: string): string | undefined {
  const attribute = element.attributes.find(
    (candidate: Attribute) => candidate.type === 'mdxJsxAttribute' && candidate.name === name,
  );
  return attribute?.type === 'mdxJsxAttribute' && typeof attribute.value === 'string' ? attribute.value : undefined;
}

/** `element`'s attributes without those named in `names`. */
function without(element: JsxElement, names: readonly string[]): JsxElement['attributes'] {
  return element.attributes.filter(
    (attribute) => attribute.type !== 'mdxJsxAttribute' || !names.includes(attribute.name),
  );
}

/** The plugin for one compile; see the module's comment. */
export function mdxComponentInputs({ fileURL }: Pick<PluginFactoryContext, 'fileURL'>): MdastPluginDefinition {
  const element = (node: Readonly<JsxElement>, context: MdastVisitorContext) => {
    if (node.name === 'MetricChart') {
      const attributes = without(node, [POSTMORTEM_FILE_PROP]);
      if (fileURL)
        attributes.push({ type: 'mdxJsxAttribute', name: POSTMORTEM_FILE_PROP, value: fileURLToPath(fileURL) });
      context.replaceNode(node, { ...node, attributes });
    } else if (node.name === 'Figure') {
      const url = literal(node, 'src');
      const image: Image | undefined =
        url === undefined ? undefined : { type: 'image', url, alt: literal(node, 'alt') ?? '' };
      context.replaceNode(node, {
        ...node,
        attributes: without(node, ['src', 'alt']),
        children: image ? [image] : [],
      } as JsxElement);
    }
  };
  return { name: 'postmortems-mdx-component-inputs', mdxJsxFlowElement: element, mdxJsxTextElement: element };
}
