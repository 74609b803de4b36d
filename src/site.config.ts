/**
 * The one place a team edits to make the site its own. Every field is optional;
 * see `src/schemas/site-config.ts` for what each one does and its default.
 */
import { defineSiteConfig } from './lib/define-site-config';

export default defineSiteConfig({
  title: 'Larkspur postmortems',
  description: 'What went wrong at Larkspur, why, and what we changed so it does not happen again.',
  url: 'https://postmortems.larkspur.example',
  defaultTimezone: 'UTC',
  editLinkBase: 'https://github.com/larkspur/postmortems/edit/main/',
  fields: [
    {
      key: 'region',
      type: 'enum',
      label: 'Region',
      description: 'The cloud region where customers were hit',
      values: {
        'eu-west-1': 'EU West (Ireland)',
        'eu-central-1': 'EU Central (Frankfurt)',
        'us-east-1': 'US East (Virginia)',
      },
      facet: true,
      stats: true,
    },
    {
      key: 'customerTier',
      type: 'enum',
      label: 'Customer tier',
      description: 'The highest tier of customers affected',
      values: { consumer: 'Consumer', business: 'Business', partner: 'Partner' },
      aliases: ['customer_tier'],
      facet: true,
    },
    { key: 'incidentCommander', type: 'text', label: 'Incident commander' },
  ],
  sections: {
    template: 'classic',
    bySeverity: {
      SEV1: [{ title: 'Lessons learned', prompt: 'What the team learned that applies beyond this incident.' }],
    },
  },
});
