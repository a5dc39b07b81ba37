import type { MappedElement } from '../../../shared/model/screen';

/**
 * The element map as a tree, for picking up and down it ("the card", "the number in the card").
 * New maps say each element's nearest mapped ancestor (`parentId`); for maps captured before that,
 * the tree comes from the boxes: an element's parent is the smallest box that holds it (of two
 * equal boxes, the one earlier in the map, which is document order, is the outer one).
 */
export interface ElementTree {
  parentOf(id: string): MappedElement | null;
  childrenOf(id: string): MappedElement[];
  /** From the outermost ancestor to the element itself; empty for an id not on the map. */
  path(id: string): MappedElement[];
}

type Box = MappedElement['box'];
const holds = (outer: Box, inner: Box) => outer.x <= inner.x && outer.y <= inner.y && outer.x + outer.width >= inner.x + inner.width && outer.y + outer.height >= inner.y + inner.height;

const CELL = 200;

/**
 * Parents from boxes: largest first, each element's parent is the latest (so smallest) placed box
 * holding it. Placed boxes are filed in a grid by the cells they cover, so only those covering an
 * element's top-left corner are tried (a 5,000-element map takes milliseconds, not a second).
 */
function parentsFromBoxes(elements: readonly MappedElement[]): Map<string, string> {
  const order = elements.map((_, index) => index).sort((a, b) => {
    const areaA = elements[a]!.box.width * elements[a]!.box.height;
    const areaB = elements[b]!.box.width * elements[b]!.box.height;
    return areaB - areaA || a - b;
  });
  const parents = new Map<string, string>();
  const grid = new Map<string, MappedElement[]>();
  for (const index of order) {
    const element = elements[index]!;
    const { x, y, width, height } = element.box;
    const here = grid.get(`${Math.floor(x / CELL)},${Math.floor(y / CELL)}`) ?? [];
    for (let i = here.length - 1; i >= 0; i--) {
      if (holds(here[i]!.box, element.box)) {
        parents.set(element.id, here[i]!.id);
        break;
      }
    }
    for (let column = Math.floor(x / CELL); column <= Math.floor((x + width) / CELL); column++) {
      for (let row = Math.floor(y / CELL); row <= Math.floor((y + height) / CELL); row++) {
        const key = `${column},${row}`;
        const cell = grid.get(key);
        if (cell) cell.push(element);
        else grid.set(key, [element]);
      }
    }
  }
  return parents;
}

const trees = new WeakMap<readonly MappedElement[], ElementTree>();

export function elementTree(elements: readonly MappedElement[]): ElementTree {
  const cached = trees.get(elements);
  if (cached) return cached;
  const byId = new Map(elements.map((element) => [element.id, element]));
  const parents = elements.some((element) => element.parentId)
    ? new Map(elements.flatMap((element) => (element.parentId && element.parentId !== element.id && byId.has(element.parentId) ? [[element.id, element.parentId] as const] : [])))
    : parentsFromBoxes(elements);
  const children = new Map<string, MappedElement[]>();
  for (const element of elements) {
    const parentId = parents.get(element.id);
    if (!parentId) continue;
    const siblings = children.get(parentId);
    if (siblings) siblings.push(element);
    else children.set(parentId, [element]);
  }
  const tree: ElementTree = {
    parentOf: (id) => byId.get(parents.get(id) ?? '') ?? null,
    childrenOf: (id) => children.get(id) ?? [],
    path(id) {
      const path: MappedElement[] = [];
      // A damaged map could loop; each element is visited once.
      for (let element = byId.get(id); element && !path.includes(element); element = tree.parentOf(element.id) ?? undefined) path.unshift(element);
      return path;
    },
  };
  trees.set(elements, tree);
  return tree;
}
