/** Small text formatters shared by pages and feeds. */

/** A short label for a ticket link: its last path segment (`OPS-123`), else the host. */
export function ticketLabel(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname.split('/').filter(Boolean).at(-1) ?? parsed.host;
}

/** `1 postmortem`, `3 postmortems`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Readable impact category: `increased-errors` → `increased errors`. */
export function humanise(value: string): string {
  return value.replaceAll('-', ' ');
}
