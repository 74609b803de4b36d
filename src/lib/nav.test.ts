import { describe, expect, test } from 'vitest';
import { currentSection } from './nav';

const hrefs = ['/', '/severity/', '/services/', '/actions/'];
const prefixes = { postmortem: '/postmortems/', homePage: '/page/' };

describe('currentSection', () => {
  test('marks the section a page is in, not only its index', () => {
    expect(currentSection('/services/checkout/', hrefs, '/', prefixes)).toBe('/services/');
    expect(currentSection('/actions/owners/qa/', hrefs, '/', prefixes)).toBe('/actions/');
    expect(currentSection('/severity/', hrefs, '/', prefixes)).toBe('/severity/');
  });

  test('puts postmortems and the pages of their list in the home section', () => {
    expect(currentSection('/postmortems/2024-01-01-x/', hrefs, '/', prefixes)).toBe('/');
    expect(currentSection('/page/2/', hrefs, '/', prefixes)).toBe('/');
    expect(currentSection('/', hrefs, '/', prefixes)).toBe('/');
  });

  test('marks none on pages outside every section', () => {
    expect(currentSection('/search/', hrefs, '/', prefixes)).toBeUndefined();
  });
});
