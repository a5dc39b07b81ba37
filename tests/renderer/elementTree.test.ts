import { describe, expect, it } from 'vitest';
import type { MappedElement } from '../../shared/model/screen';
import { elementTree } from '../../renderer/src/canvas/elementTree';
import { DASHBOARD_MAP } from '../fixtures/bootstrap-dashboard/dashboardMap';

const names = (elements: readonly MappedElement[]) => elements.map((element) => element.id);

describe('the element map as a tree', () => {
  it('follows parentId: the number in the card, the card, the page content', () => {
    const tree = elementTree(DASHBOARD_MAP);
    expect(names(tree.path('value-monthly'))).toEqual(['content', 'card-monthly', 'value-monthly']);
    expect(names(tree.childrenOf('card-monthly'))).toEqual(['value-monthly']);
    expect(tree.parentOf('content')).toBeNull();
    expect(tree.path('no-such-element')).toEqual([]);
  });

  it('derives the same tree from the boxes of a map captured before parentId', () => {
    const old = DASHBOARD_MAP.map(({ parentId: _parentId, ...element }) => element);
    const tree = elementTree(old);
    expect(names(tree.path('value-monthly'))).toEqual(['content', 'card-monthly', 'value-monthly']);
    expect(names(tree.path('overview-chart'))).toEqual(['content', 'overview', 'overview-chart']);
    expect(names(tree.path('nav-tables'))).toEqual(['sidebar', 'nav-tables']);
  });

  it('of two equal boxes the one earlier in the map (document order) is the outer one', () => {
    const box = { x: 10, y: 10, width: 100, height: 40 };
    const map: MappedElement[] = [
      { id: 'li', tag: 'li', selector: 'li', alternates: [], context: 'document', box },
      { id: 'a', tag: 'a', selector: 'a', alternates: [], context: 'document', box },
    ];
    expect(names(elementTree(map).path('a'))).toEqual(['li', 'a']);
  });

  it('survives a damaged map that loops, and a parent that is not on the map', () => {
    const base = { tag: 'div', selector: 'div', alternates: [], context: 'document' as const, box: { x: 0, y: 0, width: 10, height: 10 } };
    const tree = elementTree([
      { ...base, id: 'a', parentId: 'b' },
      { ...base, id: 'b', parentId: 'a' },
      { ...base, id: 'c', parentId: 'gone' },
    ]);
    expect(names(tree.path('a'))).toEqual(['b', 'a']);
    expect(names(tree.path('c'))).toEqual(['c']);
  });

  it('derives the tree of a 5,000-element map without parentId quickly', () => {
    // A page of 50 sections, each with 20 cards of 4 numbers: boxes nested three deep.
    const map: MappedElement[] = [];
    const add = (id: string, box: MappedElement['box']) => map.push({ id, tag: 'div', selector: `#${id}`, alternates: [], context: 'document', box });
    for (let s = 0; s < 50; s++) {
      add(`s${s}`, { x: 0, y: s * 1000, width: 1400, height: 990 });
      for (let c = 0; c < 20; c++) {
        add(`s${s}c${c}`, { x: (c % 5) * 280, y: s * 1000 + Math.floor(c / 5) * 240, width: 270, height: 230 });
        for (let n = 0; n < 4; n++) add(`s${s}c${c}n${n}`, { x: (c % 5) * 280 + 10, y: s * 1000 + Math.floor(c / 5) * 240 + 10 + n * 50, width: 100, height: 40 });
      }
    }
    expect(map.length).toBeGreaterThan(4_000);
    const started = performance.now();
    const tree = elementTree(map);
    expect(names(tree.path('s49c19n3'))).toEqual(['s49', 's49c19', 's49c19n3']);
    expect(performance.now() - started).toBeLessThan(250);
  });
});
