import { defineCollection } from 'astro:content';
import { postmortemLoader } from './loaders/postmortems';
import { createPostmortemSchema } from './schemas/postmortem';
import siteConfig from './site.config';

const schema = createPostmortemSchema(siteConfig);

export const collections = {
  postmortems: defineCollection({ loader: postmortemLoader({ config: siteConfig }), schema }),
};
