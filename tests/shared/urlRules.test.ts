import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globMatches, urlMatchesRules, urlRuleMatches } from '../../shared/bundle/urlRules';

const page = 'https://app.example.com/projects/42/settings?tab=team';
const glob = (value: string, url: string) => urlRuleMatches({ match: 'glob', value }, url);

describe('URL rules', () => {
  it('match exactly, ignoring a trailing slash', () => {
    expect(urlRuleMatches({ match: 'exact', value: 'https://app.example.com/' }, 'https://app.example.com')).toBe(true);
    expect(urlRuleMatches({ match: 'exact', value: '/projects/42/settings?tab=team' }, page)).toBe(true);
    expect(urlRuleMatches({ match: 'exact', value: '/projects/42' }, page)).toBe(false);
  });

  it('match by substring', () => {
    expect(urlRuleMatches({ match: 'contains', value: '/settings' }, page)).toBe(true);
  });

  it('match regular expressions, and a broken one matches nothing instead of throwing', () => {
    expect(urlRuleMatches({ match: 'regex', value: '/projects/\\d+/' }, page)).toBe(true);
    expect(urlRuleMatches({ match: 'regex', value: '(' }, page)).toBe(false);
  });

  it('combine: no rules match everything, excluding rules win', () => {
    expect(urlMatchesRules([], page)).toBe(true);
    expect(urlMatchesRules([{ match: 'contains', value: '/projects' }, { match: 'contains', value: 'tab=team', exclude: true }], page)).toBe(false);
    expect(urlMatchesRules([{ match: 'contains', value: '/billing', exclude: true }], page)).toBe(true);
    expect(urlMatchesRules([{ match: 'contains', value: '/billing' }, { match: 'glob', value: '/projects/**' }], page)).toBe(true);
  });
});

// The semantics the README and the inspector's help text promise.
describe('URL globs', () => {
  it('"*" is any run of characters within one path segment', () => {
    expect(glob('/projects/*/settings', page)).toBe(true);
    expect(glob('/projects/*', page)).toBe(false);
    expect(glob('/projects/*', 'https://app.example.com/projects/')).toBe(true);
    expect(glob('https://*.example.com/projects/*/settings', page)).toBe(true);
    expect(glob('https://*.example.com/projects/*/settings', 'https://evil.com/x.example.com/projects/1/settings')).toBe(false);
  });

  it('"**" is any run of characters across segments, including none', () => {
    expect(glob('/projects/**', page)).toBe(true);
    expect(glob('https://*.example.com/**', page)).toBe(true);
    expect(glob('**/settings', page)).toBe(true);
    expect(glob('**/settings', 'https://app.example.com/settings')).toBe(true);
    expect(glob('/**/settings', 'https://app.example.com/settings')).toBe(true);
    expect(glob('/**/settings', 'https://app.example.com/a/b/settings')).toBe(true);
    expect(glob('/**/settings', 'https://app.example.com/mysettings')).toBe(false);
    expect(glob('**/settings', 'https://app.example.com/settings/billing')).toBe(false);
  });

  it('"?" is a literal question mark, not "any character"', () => {
    expect(glob('/a?c', 'https://x.com/abc')).toBe(false);
    expect(glob('/search?q=*', 'https://x.com/search?q=shoes')).toBe(true);
  });

  it('query strings are ignored unless the glob has one, then they must match', () => {
    expect(glob('/projects/*/settings', page)).toBe(true);
    expect(glob('/projects/*/settings?tab=team', page)).toBe(true);
    expect(glob('/projects/*/settings?tab=*', page)).toBe(true);
    expect(glob('/projects/*/settings?tab=billing', page)).toBe(false);
    expect(glob('/projects/*/settings?tab=*', 'https://app.example.com/projects/42/settings')).toBe(false);
  });

  it('the hash is ignored unless the glob has one', () => {
    expect(glob('/app', 'https://x.com/app#/inbox')).toBe(true);
    expect(glob('/app#/inbox', 'https://x.com/app#/inbox')).toBe(true);
    expect(glob('/app#/*', 'https://x.com/app?x=1#/inbox')).toBe(true);
    expect(glob('/app#/outbox', 'https://x.com/app#/inbox')).toBe(false);
  });

  it('a trailing slash is optional on both sides', () => {
    expect(glob('/settings', 'https://x.com/settings/')).toBe(true);
    expect(glob('/settings/', 'https://x.com/settings')).toBe(true);
    expect(glob('https://x.com/', 'https://x.com')).toBe(true);
    expect(glob('/settings/?tab=a', 'https://x.com/settings?tab=a')).toBe(true);
  });

  it('other characters are literal', () => {
    expect(glob('/a+b/(c)', 'https://x.com/a+b/(c)')).toBe(true);
    expect(glob('/a+b', 'https://x.com/aab')).toBe(false);
    expect(glob('/a.b', 'https://x.com/aXb')).toBe(false);
  });
});

describe('URL globs on hostile input', () => {
  it('stay linear: a glob of many wildcards against a long URL answers at once', () => {
    const url = `https://app.example.com/${'a'.repeat(2_000)}`;
    const hostile = `/${'*a'.repeat(500)}b`;
    const started = performance.now();
    expect(glob(hostile, url)).toBe(false);
    expect(glob(`/**${'a*'.repeat(200)}b`, url)).toBe(false);
    // A compiled RegExp takes minutes here (catastrophic backtracking); the automaton is linear.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(glob(`/${'*a'.repeat(5)}*`, url)).toBe(true);
  });
});

/** The documented meaning, written as a RegExp: fine for short inputs, where backtracking costs nothing. */
function globAsRegExp(glob: string): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const wildcards = (text: string) =>
    text.split('**/').map((part) => part.split('**').map((piece) => piece.split('*').map(escape).join('[^/]*')).join('.*')).join('(?:.*/)?');
  const cut = glob.search(/[?#]|$/);
  return new RegExp(`^${wildcards(glob.slice(0, cut).replace(/\/$/, ''))}/?${wildcards(glob.slice(cut))}$`, 'u');
}

describe('the glob automaton', () => {
  // (Three stars in a row have no documented meaning, so they are left out.)
  it('agrees with the regular-expression meaning on short globs and texts', () => {
    const piece = fc.constantFrom('*', '**', '**/', '/', 'a', 'b', '?', '#', '.', 'é');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')).filter((pattern) => !pattern.includes('***')), fc.array(fc.constantFrom('a', 'b', '/', '?', '#', '.', 'é'), { maxLength: 12 }).map((chars) => chars.join('')), (pattern, text) => {
        expect(globMatches(pattern, text)).toBe(globAsRegExp(pattern).test(text));
      }),
      { numRuns: 3_000 },
    );
  });
});
