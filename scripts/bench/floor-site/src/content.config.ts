import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  postmortems: defineCollection({
    loader: glob({
      pattern: ['**/*.{md,mdx}', '!**/_*', '!**/README.md'],
      base: process.env['POSTMORTEMS_DIR'] ?? 'postmortems',
    }),
  }),
};
