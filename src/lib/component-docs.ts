/**
 * The README's section "Components you can use in MDX", made from the
 * components' zod schemas in `content-policy.ts`: each component's description,
 * then its props with their type, whether they are required and what they are.
 * `npm run docs` writes it into the README; a test keeps it current.
 */
import { z } from 'astro/zod';

/** A prop's type in words: `text`, or the values an enum allows. */
function typeOf(schema: z.ZodType): string {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) return typeOf(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodEnum) return schema.options.map((option) => `\`${String(option)}\``).join(' \\| ');
  if (schema instanceof z.ZodString) return 'text';
  return schema.def.type;
}

/** Whether a prop must be written, and its default when it has one. */
function requiredOf(schema: z.ZodType): string {
  if (schema instanceof z.ZodDefault) return `no (default \`${String(schema.def.defaultValue)}\`)`;
  return schema instanceof z.ZodOptional ? 'no' : 'yes';
}

/** Escapes a table cell: a `|` would end it. */
function cell(text: string): string {
  return text.replaceAll(/(?<!\\)\|/g, '\\|');
}

/** The reference of `components` in Markdown: a heading, a sentence and a props table for each. */
export function componentsReference(
  components: Readonly<Record<string, z.ZodObject<Record<string, z.ZodType>>>>,
): string {
  return Object.entries(components)
    .map(([name, schema]) => {
      const props = Object.entries(schema.shape);
      const table =
        props.length === 0
          ? 'No props.'
          : [
              '| Prop | Type | Required | What it is |',
              '| --- | --- | --- | --- |',
              ...props.map(
                ([prop, field]) =>
                  `| \`${prop}\` | ${typeOf(field)} | ${requiredOf(field)} | ${cell(field.description ?? '')} |`,
              ),
            ].join('\n');
      return `#### \`<${name}>\`\n\n${schema.description ?? ''}\n\n${table}`;
    })
    .join('\n\n');
}
