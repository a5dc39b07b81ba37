// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { describeElement } from '../../player/src/anchors/describeElement';
import { findBySelectors, findTarget } from '../../player/src/findTarget';

// jsdom lays nothing out: an element is "on screen" unless it or an ancestor has the hidden attribute.
beforeAll(() => {
  Element.prototype.getClientRects = function (this: Element) {
    return (this.closest('[hidden]') ? [] : [new DOMRect(0, 0, 10, 10)]) as unknown as DOMRectList;
  };
});

const sidebar = (links: string[]) =>
  `<ul id="side">${links.map((name) => `<li class="nav-item"><a class="nav-link" href="${name.toLowerCase()}.html">${name}</a></li>`).join('')}</ul><div hidden><a class="nav-link" href="hidden.html">Hidden</a></div>`;

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

/** The anchor an author makes on the page as it is now: selectors, and the fingerprint of what the first one finds. */
function anchorOn(html: string, selectors: string[]) {
  page(html);
  return { selectors, fingerprint: describeElement(document.querySelector(selectors[0]!)!) };
}

describe('findBySelectors', () => {
  it('without a fingerprint (version 1 bundles), the first visible match of the first selector that has one, as before', () => {
    page(sidebar(['Dashboard', 'Charts', 'Tables']));
    const found = findBySelectors(document, { selectors: ['#side > li:nth-of-type(2) > a', 'a[href="tables.html"]'] });
    expect(found.found?.element.textContent).toBe('Charts');
    expect(found).not.toHaveProperty('recovered');
    // A link inserted above: the old behaviour points at whatever took the position.
    page(sidebar(['Dashboard', 'Reports', 'Charts', 'Tables']));
    expect(findBySelectors(document, { selectors: ['#side > li:nth-of-type(2) > a'] }).found?.element.textContent).toBe('Reports');
  });

  it('with a fingerprint, a selector that now finds another element is passed over for the next one, which is reported', () => {
    const anchor = anchorOn(sidebar(['Dashboard', 'Charts', 'Tables']), ['#side > li:nth-of-type(2) > a', 'a[href="charts.html"]']);
    page(sidebar(['Dashboard', 'Reports', 'Charts', 'Tables']));
    const found = findBySelectors(document, anchor);
    expect(found.found?.element.textContent).toBe('Charts');
    expect(found).toMatchObject({ recovered: { strategy: 'alternate', selectorIndex: 1 } });
  });

  it('says why it found nothing: mismatch, hidden, noMatch', () => {
    const anchor = anchorOn(sidebar(['Dashboard', 'Charts', 'Tables']), ['#side > li:nth-of-type(2) > a']);
    page(sidebar(['Dashboard', 'Tables']));
    expect(findBySelectors(document, anchor)).toEqual({ found: null, reason: 'mismatch' });
    expect(findBySelectors(document, { selectors: ['a[href="hidden.html"]'] })).toEqual({ found: null, reason: 'hidden' });
    expect(findBySelectors(document, { selectors: ['#nowhere', 'not a selector ((('] })).toEqual({ found: null, reason: 'noMatch' });
  });

  it('when a selector matches several lookalikes, only a clear best counts', () => {
    const anchor = anchorOn('<button class="btn">Save</button><button class="btn">Cancel</button>', ['.btn']);
    page('<button class="btn">Cancel</button><button class="btn">Save</button>');
    expect(findBySelectors(document, anchor).found?.element.textContent).toBe('Save');
    page('<button class="btn">Save</button><button class="btn">Save</button>');
    expect(findBySelectors(document, anchor)).toEqual({ found: null, reason: 'ambiguous' });
  });
});

describe('findTarget', () => {
  it('searches the page by fingerprint when every selector is stale, and says so', async () => {
    const anchor = anchorOn(sidebar(['Dashboard', 'Charts', 'Tables']), ['#side > li:nth-of-type(2) > a']);
    page(`<nav><ul id="menu">${['Overview', 'Charts', 'Tables'].map((name) => `<li class="nav-item"><a class="nav-link" href="${name.toLowerCase()}.html">${name}</a></li>`).join('')}</ul></nav>`);
    const located = await findTarget(document, anchor);
    expect(located.found?.element.getAttribute('href')).toBe('charts.html');
    expect(located).toMatchObject({ recovered: { strategy: 'fingerprint', score: expect.any(Number) } });
  });

  it('reports the target missing rather than taking the neighbour that slid into its place', async () => {
    const anchor = anchorOn(sidebar(['Dashboard', 'Charts', 'Tables']), ['#side > li:nth-of-type(2) > a']);
    page(sidebar(['Dashboard', 'Tables']));
    expect(await findTarget(document, anchor)).toEqual({ found: null, reason: 'mismatch' });
  });
});
