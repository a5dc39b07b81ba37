/**
 * Scrolls a step's target into view when it is off screen, covered (a fixed or sticky header) or,
 * on a narrow screen, under the step's bottom sheet (base.css): then it goes to the free band
 * between whatever covers the page's top and the sheet, at once (a smooth scroll would still be
 * moving when the sheet is measured). 'instant', not 'auto': pages with `scroll-behavior: smooth`
 * (Bootstrap's) make 'auto' smooth. On the tour's path: keep it small.
 */
export function reveal(element: Element, card: HTMLElement, smooth: boolean): void {
  const page = element.ownerDocument;
  const root = page.documentElement;
  const hitAt = (x: number, y: number) => (element.getRootNode() as Document | ShadowRoot).elementFromPoint?.(x, y);
  const covered = (hit: Element | null | undefined) => hit && !element.contains(hit) && !hit.contains(element) && !hit.matches('[data-stepwise-player]');
  const sheet = card.getBoundingClientRect();
  // A card as wide as the screen is the bottom sheet: the target must end above it.
  const floor = sheet.width < root.clientWidth ? root.clientHeight : sheet.top - 8;
  let rect = element.getBoundingClientRect();
  const onScreen = rect.top >= 0 && rect.bottom <= floor && rect.left >= 0 && rect.right <= root.clientWidth;
  // On screen but under something else (a fixed or sticky header)? Only then is a hit test worth its cost.
  if (onScreen && !covered(hitAt(rect.x + rect.width / 2, rect.y + Math.min(rect.height / 2, 8)))) return;
  if (floor === root.clientHeight) return element.scrollIntoView({ block: 'center', inline: 'nearest', behavior: smooth ? 'smooth' : 'instant' });
  element.scrollIntoView({ block: 'start', inline: 'nearest', behavior: 'instant' });
  rect = element.getBoundingClientRect();
  let over = hitAt(rect.x + rect.width / 2, rect.y + 1);
  // The header itself, not the link in it that the hit test found.
  while (covered(over) && over!.parentElement && !over!.parentElement.contains(element)) over = over!.parentElement;
  const top = covered(over) ? over!.getBoundingClientRect().bottom + 8 : 8;
  // Centred in the band between the header and the sheet, never above the band.
  page.defaultView!.scrollBy({ top: rect.top - Math.max(top, (top + floor - rect.height) / 2), behavior: 'instant' });
}
