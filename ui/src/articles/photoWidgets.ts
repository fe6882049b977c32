// A photo placed in the body (`![](photo:ID)` on a line of its own) is shown as the photo:
// its thumbnail, the caption this piece gives it and its credit. Underneath it stays that one
// line of text, so moving, deleting, cutting, pasting and undoing it work as they do for any
// text; with the cursor on the line, the line shows as text to edit.
import { EditorState, Range, StateEffect, StateField, type Extension } from "@codemirror/state";
import { Decoration, EditorView, WidgetType, type DecorationSet } from "@codemirror/view";

/** What a placed photo shows; unknown ids (a photo not in the piece) show as text. */
export interface PhotoInfo {
  thumb: string;
  caption: string;
  credit: string;
  alt: string;
}

export const setPhotoInfo = StateEffect.define<Map<string, PhotoInfo>>();

const PLACEMENT = /^!\[[^\]]*\]\(photo:([0-9A-Za-z-]+)\)\s*$/;

class PhotoWidget extends WidgetType {
  constructor(
    readonly id: string,
    readonly info: PhotoInfo,
  ) {
    super();
  }

  eq(other: PhotoWidget) {
    return (
      other.id === this.id &&
      other.info.caption === this.info.caption &&
      other.info.credit === this.info.credit &&
      other.info.thumb === this.info.thumb
    );
  }

  toDOM() {
    const figure = document.createElement("figure");
    figure.className = "cm-photo";
    figure.dataset.photoId = this.id;
    figure.setAttribute("data-testid", "body-photo");
    const img = document.createElement("img");
    img.src = this.info.thumb;
    img.alt = this.info.alt;
    img.loading = "lazy";
    const caption = document.createElement("figcaption");
    caption.textContent = this.info.credit ? `${this.info.caption} (${this.info.credit})` : this.info.caption;
    figure.append(img, caption);
    return figure;
  }

  ignoreEvent() {
    // A click on the photo puts the cursor on its line (and so shows the text to edit).
    return false;
  }
}

function build(state: EditorState, photos: Map<string, PhotoInfo>): DecorationSet {
  const ranges: Range<Decoration>[] = [];
  if (photos.size === 0) return Decoration.none;
  const heads = state.selection.ranges.map((r) => [r.from, r.to]);
  for (let n = 1; n <= state.doc.lines; n++) {
    const line = state.doc.line(n);
    if (line.length === 0 || line.text.charCodeAt(0) !== 33 /* ! */) continue;
    const match = PLACEMENT.exec(line.text);
    const info = match ? photos.get(match[1]) : undefined;
    if (!match || !info) continue;
    // The line the cursor is on shows as text, to be edited.
    if (heads.some(([from, to]) => from <= line.to && to >= line.from)) continue;
    ranges.push(Decoration.replace({ widget: new PhotoWidget(match[1], info), block: true }).range(line.from, line.to));
  }
  return Decoration.set(ranges, true);
}

const photoField = StateField.define<{ photos: Map<string, PhotoInfo>; decorations: DecorationSet }>({
  create: () => ({ photos: new Map(), decorations: Decoration.none }),
  update(value, tr) {
    let photos = value.photos;
    for (const e of tr.effects) if (e.is(setPhotoInfo)) photos = e.value;
    if (photos === value.photos && !tr.docChanged && !tr.selection) return value;
    return { photos, decorations: build(tr.state, photos) };
  },
  provide: (field) => EditorView.decorations.from(field, (value) => value.decorations),
});

/** The extension: photos shown in the body, and their look. */
export function photoWidgets(): Extension {
  return [
    photoField,
    EditorView.baseTheme({
      ".cm-photo": {
        margin: "6px 0",
        padding: "6px",
        border: "1px solid var(--line)",
        borderRadius: "6px",
        display: "flex",
        gap: "10px",
        alignItems: "center",
        cursor: "text",
      },
      ".cm-photo img": { width: "120px", height: "90px", objectFit: "cover", borderRadius: "4px" },
      ".cm-photo figcaption": { fontSize: "0.9em", color: "var(--muted)" },
    }),
  ];
}
