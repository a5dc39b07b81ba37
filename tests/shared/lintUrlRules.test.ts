import { describe, expect, it } from 'vitest';
import { lintProject } from '../../shared/lint/lintProject';
import { createFlow, createProject } from '../../shared/model/create';
import type { UrlRule } from '../../shared/model/targeting';

/** The "can never match" warnings lint gives for one flow targeted by these rules. */
function neverMatchWarnings(...rules: Omit<UrlRule, 'exclude'>[]): string[] {
  const project = createProject('Lint');
  const flow = createFlow('survey', 'NPS', 'en');
  flow.targeting.urls = rules.map((rule) => ({ ...rule, exclude: false }));
  project.flows.push(flow);
  return lintProject(project)
    .filter((problem) => problem.code === 'urlNeverMatches')
    .map((problem) => problem.message);
}

describe('lint of URL rules', () => {
  it('accepts globs that start with a wildcard, which do match whole addresses', () => {
    expect(neverMatchWarnings({ match: 'glob', value: '**/settings' })).toEqual([]);
    expect(neverMatchWarnings({ match: 'glob', value: '*://app.example.com/**' })).toEqual([]);
    expect(neverMatchWarnings({ match: 'glob', value: 'http*://app.example.com/**' })).toEqual([]);
    expect(neverMatchWarnings({ match: 'glob', value: 'https://*.example.com/**' }, { match: 'glob', value: '/projects/*' })).toEqual([]);
  });

  it('still warns about rules that cannot match, naming the value', () => {
    expect(neverMatchWarnings({ match: 'glob', value: 'settings/*' })).toEqual([
      '“NPS”: "settings/*" is compared with the whole address (https://…) or, starting with "/", with the path; as written it can never match.',
    ]);
    expect(neverMatchWarnings({ match: 'glob', value: 'app.example.com/*' })).toHaveLength(1);
    expect(neverMatchWarnings({ match: 'exact', value: 'app.example.com/settings' })).toHaveLength(1);
    expect(neverMatchWarnings({ match: 'regex', value: '^/settings' })).toHaveLength(1);
  });
});

describe('regular expressions that can freeze the page', () => {
  const slow = (value: string) => {
    const project = createProject('Lint');
    const flow = createFlow('survey', 'NPS', 'en');
    flow.targeting.urls = [{ match: 'regex', value, exclude: false }];
    project.flows.push(flow);
    return lintProject(project).filter((problem) => problem.code === 'slowRegex');
  };

  it('warns about nested repeats, not about ordinary expressions', () => {
    for (const value of ['/(a+)+$', '/projects/(\\w+\\s?)*$', '(.*)*x', '/(ab*){2,}']) expect(slow(value), value).toHaveLength(1);
    for (const value of ['/projects/\\d+/settings', '^https?://app\\.example\\.com/(a|b)+$', '/\\(x+\\)+']) expect(slow(value), value).toHaveLength(0);
  });
});
