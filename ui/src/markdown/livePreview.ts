// The preview follows every keystroke: one render at a time, started at once, and when typing
// outruns it the newest text is rendered as soon as the last render lands (keystrokes in
// between coalesce). Very large bodies wait for a pause instead, so typing in them stays
// smooth.
import type { RenderedMarkdown } from "../bindings";

/** Bodies longer than this (UTF-16 units) are rendered after a pause, not on every key. */
const LARGE_BODY = 200_000;
const PAUSE_MS = 800;

export class LivePreview {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  private rendering = false;
  private again = false;

  constructor(
    /** Renders the text as it is now (read when called, so the newest keystroke counts). */
    private readonly render: () => Promise<RenderedMarkdown>,
    /** How long the body is now. */
    private readonly size: () => number,
    private readonly show: (rendered: RenderedMarkdown) => void,
    private readonly failed: (err: unknown) => void,
  ) {}

  /** The text changed: render now, after the render in flight, or after a pause. */
  schedule() {
    clearTimeout(this.timer);
    if (this.size() > LARGE_BODY) {
      this.timer = setTimeout(() => void this.now(), PAUSE_MS);
    } else if (this.rendering) {
      this.again = true;
    } else {
      void this.now();
    }
  }

  /** Renders at once; an answer overtaken by a newer render is dropped. */
  async now() {
    const seq = ++this.seq;
    this.rendering = true;
    try {
      // Marks for scripts/bench-preview: when the render was asked for and when it came back.
      performance.mark("preview:asked");
      const rendered = await this.render();
      performance.mark("preview:answered");
      if (seq === this.seq) this.show(rendered);
    } catch (err) {
      this.failed(err);
    } finally {
      this.rendering = false;
      if (this.again) {
        this.again = false;
        void this.now();
      }
    }
  }

  stop() {
    clearTimeout(this.timer);
  }
}
