/**
 * The script of the standalone preview page. It runs in the reviewer's browser, is embedded as
 * source text (Function.prototype.toString), so it must not use anything from outside itself.
 * It builds every element with DOM calls: authored text never becomes HTML.
 */
export interface GalleryData {
  title: string;
  bundle: { flows: Array<{ id: string; name: string; kind: string }> } & Record<string, unknown>;
  screens: Array<{ id: string; name: string; width: number; height: number; dataUrl: string }>;
  /** Where each step (or hotspot, under "") was anchored on which screen: flowId -> stepId -> anchor. */
  anchors: Record<string, Record<string, { screenId: string; box: { x: number; y: number; width: number; height: number } }>>;
}

export function runGallery(data: GalleryData): void {
  const KINDS: Record<string, string> = { tour: 'Product tour', hotspot: 'Hotspot', checklist: 'Checklist', survey: 'NPS survey' };
  const el = (tag: string, props: Record<string, string> = {}, ...children: Array<Node | string>) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(props)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  };
  const app = document.getElementById('app')!;
  const stepwise = (window as unknown as { Stepwise: { createPlayer(options: object): { start(id: string): void; destroy(): void } } }).Stepwise;
  let player: { start(id: string): void; destroy(): void } | null = null;

  function gallery(): void {
    player?.destroy();
    player = null;
    const list = el('ul', { class: 'flows', 'aria-label': 'Flows' });
    for (const flow of data.bundle.flows) {
      const button = el('button', { type: 'button' }, el('strong', {}, flow.name), el('span', {}, KINDS[flow.kind] ?? flow.kind));
      button.addEventListener('click', () => play(flow.id, flow.name));
      list.append(el('li', {}, button));
    }
    app.replaceChildren(el('header', {}, el('h1', {}, data.title), el('p', {}, 'Pick a flow to see it as your users will. Nothing here needs a network.')), list);
  }

  function play(flowId: string, name: string): void {
    const anchors = data.anchors[flowId] ?? {};
    const firstScreen = Object.values(anchors)[0]?.screenId ?? data.screens[0]?.id;
    const stage = el('div', { class: 'stage' });
    const image = el('img', { alt: '' }) as HTMLImageElement;
    const target = el('div', { class: 'target' });
    stage.append(image, target);
    const back = el('button', { type: 'button', class: 'back' }, '← All flows');
    back.addEventListener('click', gallery);
    app.replaceChildren(el('header', { class: 'bar' }, back, el('h1', {}, name)), stage);
    const show = (screenId: string | undefined) => {
      const screen = data.screens.find((candidate) => candidate.id === screenId);
      if (!screen) return null;
      if (image.src !== screen.dataUrl) image.src = screen.dataUrl;
      image.style.aspectRatio = `${screen.width} / ${screen.height}`;
      return screen;
    };
    show(firstScreen);
    player = stepwise.createPlayer({
      bundle: data.bundle,
      autoStart: false,
      storage: { getItem: () => null, setItem: () => undefined },
      // Looked up by the flow the player asks for, not the one picked: a checklist item starts
      // a tour, and that tour's steps must land on their own screens too.
      resolveTarget(_anchor: unknown, where: { flowId: string; stepId?: string }) {
        const anchor = data.anchors[where.flowId]?.[where.stepId ?? ''];
        const screen = anchor && show(anchor.screenId);
        if (!anchor || !screen) return null;
        Object.assign(target.style, {
          left: `${(100 * anchor.box.x) / screen.width}%`,
          top: `${(100 * anchor.box.y) / screen.height}%`,
          width: `${(100 * anchor.box.width) / screen.width}%`,
          height: `${(100 * anchor.box.height) / screen.height}%`,
        });
        return target;
      },
      onEvent(event: { type: string; flowId: string }) {
        document.body.dataset.lastEvent = event.type;
        if ((event.type === 'flow_completed' || event.type === 'flow_dismissed') && event.flowId === flowId) setTimeout(gallery, 400);
      },
    });
    player.start(flowId);
  }

  gallery();
}
