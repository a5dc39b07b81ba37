// One finish line for every tour library in the player bench, checked from outside the library.

/**
 * Init script: remembers every open shadow root as it is attached, so the checker can look inside
 * them without walking the whole page each frame (the walk would cost every library alike, but it
 * would be timed too).
 */
export const SHADOW_ROOT_RECORDER = `(() => {
  const roots = window.__shadowRoots = new Set();
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { const root = attach.call(this, init); if (init && init.mode === 'open') roots.add(root); return root; };
})();`;

/**
 * In-page: `window.__visible(selector, targetId, title)` resolves with performance.now() at the
 * first rendered frame in which a tooltip (an element matching `selector`, in the document or an
 * open shadow root, whose text holds `title`) is visible (checkVisibility with opacity and
 * visibility), wholly inside the viewport and within 80 px of the target, and the target is wholly
 * in view. It polls once per animation frame, after the frame is rendered (a message posted from
 * requestAnimationFrame runs after the frame's own rAF callbacks, layout and paint), so a library
 * that places its popover in a rAF callback of its own is judged on the same frame as one that
 * places it at once.
 */
export const FINISH_LINE_CHECKER = `(() => {
  const inView = (rect) => {
    const root = document.documentElement;
    return rect.width > 0 && rect.height > 0 && rect.left >= 0 && rect.top >= 0 && rect.right <= root.clientWidth && rect.bottom <= root.clientHeight;
  };
  const gap = (a, b) => Math.hypot(Math.max(0, Math.max(a.left, b.left) - Math.min(a.right, b.right)), Math.max(0, Math.max(a.top, b.top) - Math.min(a.bottom, b.bottom)));
  const reached = (selector, targetId, title) => {
    const target = document.getElementById(targetId);
    if (!target) return false;
    const targetRect = target.getBoundingClientRect();
    if (!inView(targetRect)) return false;
    for (const root of [document, ...(window.__shadowRoots || [])]) {
      if (root !== document && !root.host.isConnected) continue;
      for (const tip of root.querySelectorAll(selector)) {
        if (!tip.textContent.includes(title)) continue;
        if (!tip.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
        const rect = tip.getBoundingClientRect();
        if (inView(rect) && gap(rect, targetRect) <= 80) return true;
      }
    }
    return false;
  };
  window.__visible = (selector, targetId, title, timeoutMs = 5000) => new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    const started = performance.now();
    const frame = () => requestAnimationFrame(() => channel.port2.postMessage(0));
    channel.port1.onmessage = () => {
      if (reached(selector, targetId, title)) { channel.port1.close(); resolve(performance.now()); }
      else if (performance.now() - started > timeoutMs) { channel.port1.close(); reject(new Error('no visible tooltip for ' + targetId + ' (' + selector + ')')); }
      else frame();
    };
    frame();
  });
})();`;

/**
 * The floor: a hand-made tooltip with nothing a library adds (no overlay, no focus handling, no
 * checks), placed under its target after an instant scroll.
 */
export const FLOOR_TOOLTIP = `(() => {
  let tip = null, index = 0;
  const show = (at) => {
    index = at;
    const target = document.getElementById('target-' + (at + 1));
    target.scrollIntoView({ block: 'center', behavior: 'instant' });
    if (!tip) {
      tip = document.createElement('div');
      tip.className = 'floor-tip';
      tip.style.cssText = 'position:fixed;z-index:9999;background:#fff;border:1px solid #ccc;border-radius:8px;padding:12px;width:260px;font:14px system-ui';
      document.body.append(tip);
    }
    const title = document.createElement('strong'), body = document.createElement('p'), back = document.createElement('button'), next = document.createElement('button');
    title.textContent = 'Step ' + (at + 1); body.textContent = 'Some text about this.'; back.textContent = 'Back'; next.textContent = 'Next';
    back.onclick = () => window.floorTour.back(); next.onclick = () => window.floorTour.next();
    tip.replaceChildren(title, body, back, next);
    const rect = target.getBoundingClientRect();
    tip.style.left = Math.max(8, rect.left) + 'px';
    tip.style.top = rect.bottom + 8 + 'px';
  };
  window.floorTour = { start: () => show(0), next: () => show(Math.min(index + 1, 2)), back: () => show(Math.max(index - 1, 0)), stop: () => { tip?.remove(); tip = null; } };
})();`;
