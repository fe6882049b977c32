// The window's regions, for the keyboard: F6 goes from one to the next as in a browser.

/** F6 (Shift+F6 back) moves the focus between the regions of the window: the list, the
 *  body, the preview and the side panel, as browsers move between theirs. */
export function jumpRegion(back: boolean) {
  const regions = [
    document.querySelector<HTMLElement>("[data-testid=article-row][aria-current=true]") ??
      document.querySelector<HTMLElement>("[data-testid=article-row]"),
    document.querySelector<HTMLElement>(".cm-content"),
    document.querySelector<HTMLElement>("[data-testid=preview]"),
    document.querySelector<HTMLElement>(".side [role=tab][aria-selected=true]"),
  ].filter((r): r is HTMLElement => r !== null);
  if (regions.length === 0) return;
  const active = document.activeElement;
  const at = regions.findIndex((r) => r === active || r.contains(active) || (r.closest(".list") !== null && active?.closest(".list") !== null));
  const next = at === -1 ? 0 : (at + (back ? regions.length - 1 : 1)) % regions.length;
  regions[next].focus();
}
