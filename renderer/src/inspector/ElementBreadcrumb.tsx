import type { MappedElement } from '../../../shared/model/screen';
import { elementTree } from '../canvas/elementTree';

/** What a crumb says: the element's name, else its role or tag. */
export function crumbName(element: MappedElement): string {
  const name = element.name?.trim() || element.role || `<${element.tag || 'element'}>`;
  return name.length > 40 ? `${name.slice(0, 39)}…` : name;
}

/**
 * The element's ancestors on the map, outermost first, then the element itself: a click on an
 * ancestor picks it ("the card" rather than "the number in the card"). Nothing for an element
 * without mapped ancestors.
 */
export function ElementBreadcrumb({ elements, elementId, label, action, onPick }: { elements: readonly MappedElement[]; elementId: string; label: string; action: string; onPick(element: MappedElement): void }) {
  const path = elementTree(elements).path(elementId);
  if (path.length < 2) return null;
  return (
    <nav className="element-crumbs" aria-label={label}>
      <ol>
        {path.map((element, index) =>
          index === path.length - 1 ? (
            <li key={element.id}>
              <span aria-current="location" title={element.name ?? element.selector}>
                {crumbName(element)}
              </span>
            </li>
          ) : (
            <li key={element.id}>
              <button type="button" title={`${action} ${element.name?.trim() || element.selector}`} onClick={() => onPick(element)}>
                {crumbName(element)}
              </button>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
