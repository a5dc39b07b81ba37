/**
 * Scrolls a step's target into view when it is off screen, covered (a fixed or sticky header) or,
 * on a narrow screen, under the step's bottom sheet (base.css): centred, then lifted above the
 * sheet, at once (a smooth scroll would still be moving when the sheet is measured). 'instant',
 * not 'auto': pages with `scroll-behavior: smooth` (Bootstrap's) make 'auto' smooth.
 * On the tour's path: keep it small.
 */
export function reveal(element: Element, card: HTMLElement, smooth: boolean): void {
  const root = element.ownerDocument.documentElement;
  const sheet = card.getBoundingClientRect();
  // A card as wide as the screen is the bottom sheet: the target must end above it.
  const floor = sheet.width < root.clientWidth ? root.clientHeight : sheet.top - 8;
  let rect = element.getBoundingClientRect();
  const onScreen = rect.top >= 0 && rect.bottom <= floor && rect.left >= 0 && rect.right <= root.clientWidth;
  // On screen but under something else (a fixed or sticky header)? Only then is a hit test worth its cost.
  const hit = onScreen && (element.getRootNode() as Document | ShadowRoot).elementFromPoint?.(rect.x + rect.width / 2, rect.y + Math.min(rect.height / 2, 8));
  if (!onScreen || (hit && !element.contains(hit) && !hit.contains(element))) {
    element.scrollIntoView({ block: 'center', inline: 'nearest', behavior: smooth && floor === root.clientHeight ? 'smooth' : 'instant' });
    rect = element.getBoundingClientRect();
    if (rect.bottom > floor) element.ownerDocument.defaultView!.scrollBy({ top: rect.bottom - floor, behavior: 'instant' });
  }
}
