// The preview follows every keystroke: one render at a time, started at once, and when typing
// outruns it the newest text is rendered as soon as the last render lands (keystrokes in
// between coalesce). Very large bodies wait for a pause instead, so typing in them stays
// smooth.
//
// The counts (words, characters) follow the text at most every COUNTS_MS while typing, and
// land when it pauses. New counts change the width of the editor's toolbar, and the webview
// then lays out and repaints everything below it, the panes included: done on every key, that
// one repaint took longer than the preview itself.
import type { RenderedMarkdown } from "../bindings";

/** Bodies longer than this (UTF-16 units) are rendered after a pause, not on every key. */
const LARGE_BODY = 200_000;
const PAUSE_MS = 800;
const COUNTS_MS = 500;

export class LivePreview {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private countsTimer: ReturnType<typeof setTimeout> | undefined;
  private latestCounts: RenderedMarkdown | null = null;
  private seq = 0;
  private rendering = false;
  private again = false;

  constructor(
    /** Renders the text as it is now (read when called, so the newest keystroke counts). */
    private readonly render: () => Promise<RenderedMarkdown>,
    /** How long the body is now. */
    private readonly size: () => number,
    /** Shows the rendered blocks. */
    private readonly show: (rendered: RenderedMarkdown) => void,
    /** Shows the piece's counts. */
    private readonly count: (words: number, characters: number) => void,
    private readonly failed: (err: unknown) => void,
  ) {}

  /** The text changed: render now, after the render in flight, or after a pause. */
  schedule() {
    clearTimeout(this.timer);
    if (this.size() > LARGE_BODY) {
      this.timer = setTimeout(() => void this.now(true), PAUSE_MS);
    } else if (this.rendering) {
      this.again = true;
    } else {
      void this.now(true);
    }
  }

  /** Renders at once; an answer overtaken by a newer render is dropped. While `typing`, the
   *  counts wait (see COUNTS_MS); otherwise they are shown with the blocks. */
  async now(typing = false) {
    const seq = ++this.seq;
    this.rendering = true;
    try {
      // Marks for scripts/bench-preview: when the render was asked for and when it came back.
      performance.mark("preview:asked");
      const rendered = await this.render();
      performance.mark("preview:answered");
      if (seq !== this.seq) return;
      this.show(rendered);
      this.counts(rendered, typing);
    } catch (err) {
      this.failed(err);
    } finally {
      this.rendering = false;
      if (this.again) {
        this.again = false;
        void this.now(true);
      }
    }
  }

  private counts(rendered: RenderedMarkdown, typing: boolean) {
    this.latestCounts = rendered;
    if (!typing) {
      clearTimeout(this.countsTimer);
      this.countsTimer = undefined;
      this.count(rendered.words, rendered.characters);
      return;
    }
    this.countsTimer ??= setTimeout(() => {
      this.countsTimer = undefined;
      const latest = this.latestCounts;
      if (latest) this.count(latest.words, latest.characters);
    }, COUNTS_MS);
  }

  stop() {
    clearTimeout(this.timer);
    clearTimeout(this.countsTimer);
  }
}
