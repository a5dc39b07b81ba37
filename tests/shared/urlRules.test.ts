import { describe, expect, it } from 'vitest';
import { globToRegExp, urlMatchesRules, urlRuleMatches } from '../../shared/bundle/urlRules';

const page = 'https://app.example.com/projects/42/settings?tab=team';

describe('URL rules', () => {
  it('match exactly, ignoring a trailing slash', () => {
    expect(urlRuleMatches({ match: 'exact', value: 'https://app.example.com/' }, 'https://app.example.com')).toBe(true);
    expect(urlRuleMatches({ match: 'exact', value: '/projects/42/settings?tab=team' }, page)).toBe(true);
    expect(urlRuleMatches({ match: 'exact', value: '/projects/42' }, page)).toBe(false);
  });

  it('match by substring', () => {
    expect(urlRuleMatches({ match: 'contains', value: '/settings' }, page)).toBe(true);
  });

  it('match globs: * within a segment, ** across segments', () => {
    expect(urlRuleMatches({ match: 'glob', value: '/projects/*/settings?tab=*' }, page)).toBe(true);
    expect(urlRuleMatches({ match: 'glob', value: '/projects/*' }, page)).toBe(false);
    expect(urlRuleMatches({ match: 'glob', value: '/projects/**' }, page)).toBe(true);
    expect(urlRuleMatches({ match: 'glob', value: 'https://*.example.com/**' }, page)).toBe(true);
    expect(globToRegExp('a.b').test('aXb')).toBe(false);
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
