/** Where the player remembers what a user has seen: localStorage by default, or your own store. */
export interface PlayerStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What the player remembers of one flow for one user. */
export interface FlowRecord {
  /** Shown at least once. */
  seen?: boolean;
  completed?: boolean;
  dismissed?: boolean;
  /** Checklist items done. */
  items?: string[];
}

/** A storage that lives as long as the page: for previews and tests, or where nothing may persist. */
export function createMemoryStorage(): PlayerStorage {
  const data = new Map<string, string>();
  return { getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value), removeItem: (key) => void data.delete(key) };
}

/** A storage that works even where the browser refuses one (blocked cookies and site data). */
function usable(get: () => Storage): PlayerStorage {
  try {
    const storage = get();
    void storage.length; // throws where access is blocked
    return storage;
  } catch {
    return createMemoryStorage();
  }
}

export function createFrequencyStore(view: Window, userId: string | undefined, custom?: PlayerStorage) {
  // Opened on first use: the first touch of Web Storage can cost milliseconds, and a page that
  // only starts flows by hand may never need it before the first step is on screen.
  let stores: [PlayerStorage, PlayerStorage] | undefined;
  const open = () => (stores ??= [custom ?? usable(() => view.localStorage), usable(() => view.sessionStorage)]);
  const key = (flowId: string) => `stepwise:${userId ?? 'anonymous'}:${flowId}`;
  const read = (flowId: string): FlowRecord => {
    try {
      return JSON.parse(open()[0].getItem(key(flowId)) ?? '{}') as FlowRecord;
    } catch {
      return {};
    }
  };
  return {
    read,
    update(flowId: string, change: FlowRecord): void {
      try {
        const [persistent, session] = open();
        persistent.setItem(key(flowId), JSON.stringify({ ...read(flowId), ...change }));
        if (change.seen) session.setItem(key(flowId), '1');
      } catch {
        /* storage full or refused: the flow may show again, which beats breaking the page */
      }
    },
    seenThisSession: (flowId: string) => open()[1].getItem(key(flowId)) === '1',
    reset(flowId: string): void {
      const [persistent, session] = open();
      persistent.removeItem(key(flowId));
      session.removeItem(key(flowId));
    },
  };
}

export type FrequencyStore = ReturnType<typeof createFrequencyStore>;
