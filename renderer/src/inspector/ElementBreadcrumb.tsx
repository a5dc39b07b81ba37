import type { MappedElement } from '../../../shared/model/screen';
import { elementTree } from '../canvas/elementTree';

const SHORT = 32;

/**
 * What a crumb says: a short name ("Earnings (Monthly) $40,000"); for a container whose name is
 * all the text inside it, its id or component class ("#content", "div.card"); else the start of
 * the name, or its role or tag.
 */
export function crumbName(element: MappedElement): string {
  const name = element.name?.trim().replace(/\s+/g, ' ');
  if (name && name.length <= SHORT) return name;
  const id = element.fingerprint?.attributes?.id;
  if (id) return `#${id}`;
  const component = element.fingerprint?.classes?.[0];
  if (component) return `${element.tag}.${component}`;
  if (name) return `${name.slice(0, SHORT - 1).trimEnd()}…`;
  return element.role || `<${element.tag || 'element'}>`;
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
