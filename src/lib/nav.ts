/**
 * Which section of the site a page belongs to, so the main navigation can mark
 * it (`aria-current`) on every page, not only on the section's own index.
 */

/**
 * The `href` of the section holding `pathname`: the longest section path it starts with.
 * The home section (`home`) holds only the list of postmortems and the postmortems themselves,
 * so pages outside every section (search, not found) mark none.
 */
export function currentSection(
  pathname: string,
  hrefs: readonly string[],
  home: string,
  { postmortem, homePage }: { postmortem: string; homePage: string },
): string | undefined {
  const inHome = pathname === home || pathname.startsWith(postmortem) || pathname.startsWith(homePage);
  const candidates = hrefs.filter((href) => (href === home ? inHome : pathname.startsWith(href)));
  return candidates.sort((a, b) => b.length - a.length)[0];
}
