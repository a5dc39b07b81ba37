/**
 * How a flow's URL rules match a page URL. Pure functions with no dependencies, so the player
 * ships them and the editor, lint and schema share exactly the same meaning.
 */
export interface UrlRuleLike {
  match: 'exact' | 'contains' | 'glob' | 'regex';
  value: string;
  exclude?: boolean;
}

/** Turns a glob into an anchored regular expression: "*" stays within a path segment, "**" crosses "/". */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*') {
      const double = glob[i + 1] === '*';
      source += double ? '.*' : '[^/]*';
      if (double) i++;
    } else if (char === '?') {
      source += '.';
    } else {
      source += char.replace(/[.+^${}()|[\]\\/]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

/**
 * Whether one rule matches a URL; a broken regular expression matches nothing rather than throwing.
 * A value that starts with "/" is matched against the path (with query and fragment), so authors
 * can write "/settings/*" without the origin; anything else against the whole URL.
 */
export function urlRuleMatches(rule: UrlRuleLike, fullUrl: string): boolean {
  const url = rule.value.startsWith('/') ? fullUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '') || '/' : fullUrl;
  try {
    switch (rule.match) {
      case 'exact':
        return url === rule.value || url.replace(/\/$/, '') === rule.value.replace(/\/$/, '');
      case 'contains':
        return url.includes(rule.value);
      case 'glob':
        return globToRegExp(rule.value).test(url);
      case 'regex':
        return new RegExp(rule.value).test(url);
    }
  } catch {
    return false;
  }
  return false;
}

/** No rules: every page. Otherwise some including rule (or none exist) must match and no excluding rule may. */
export function urlMatchesRules(rules: readonly UrlRuleLike[], url: string): boolean {
  const including = rules.filter((rule) => !rule.exclude);
  if (rules.some((rule) => rule.exclude && urlRuleMatches(rule, url))) return false;
  return including.length === 0 || including.some((rule) => urlRuleMatches(rule, url));
}
