/**
 * The one place a team edits to make the site its own. Every field is optional;
 * see `src/schemas/site-config.ts` for what each one does and its default.
 */
import { defineSiteConfig } from './lib/site-config';

export default defineSiteConfig({
  title: 'Larkspur postmortems',
  description: 'What went wrong at Larkspur, why, and what we changed so it does not happen again.',
  url: 'https://postmortems.larkspur.example',
  defaultTimezone: 'UTC',
  editLinkBase: 'https://github.com/larkspur/postmortems/edit/main/',
});
