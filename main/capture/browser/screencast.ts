import type { CDPSession } from 'playwright-core';

export interface ScreencastFrame {
  seq: number;
  dataUrl: string;
  /** CSS pixels of the viewport the frame shows. */
  width: number;
  height: number;
}

interface FrameEvent {
  data: string;
  sessionId: number;
  metadata: { deviceWidth?: number; deviceHeight?: number };
}

/**
 * CDP screencast of one page: Chromium sends a JPEG only when the page's pixels change; each is
 * acknowledged at once (or Chromium stops sending) and only the newest is kept, in memory.
 */
export class Screencast {
  private latest: ScreencastFrame | undefined;
  private running = false;
  private readonly onFrame = (event: FrameEvent) => {
    this.cdp.send('Page.screencastFrameAck', { sessionId: event.sessionId }).catch(() => undefined);
    if (!this.running) return;
    this.latest = {
      seq: this.nextSeq(),
      dataUrl: `data:image/jpeg;base64,${event.data}`,
      width: Math.round(event.metadata.deviceWidth ?? this.size.width),
      height: Math.round(event.metadata.deviceHeight ?? this.size.height),
    };
    this.onNewFrame(this.latest);
  };

  constructor(
    private readonly cdp: CDPSession,
    private size: { width: number; height: number },
    /** Sequence numbers are the session's, so they keep increasing across tabs. */
    private readonly nextSeq: () => number,
    private readonly onNewFrame: (frame: ScreencastFrame) => void,
  ) {
    cdp.on('Page.screencastFrame', this.onFrame);
  }

  get frame(): ScreencastFrame | undefined {
    return this.latest;
  }

  async start(size = this.size): Promise<void> {
    this.size = size;
    if (this.running) await this.cdp.send('Page.stopScreencast').catch(() => undefined);
    this.running = true;
    await this.cdp.send('Page.startScreencast', { format: 'jpeg', quality: 70, maxWidth: size.width, maxHeight: size.height, everyNthFrame: 1 });
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.cdp.send('Page.stopScreencast').catch(() => undefined);
  }

  dispose(): void {
    this.running = false;
    this.cdp.off('Page.screencastFrame', this.onFrame);
    this.cdp.detach().catch(() => undefined);
  }
}
