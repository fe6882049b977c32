import { mount } from "svelte";
import App from "./app/App.svelte";
// The app's own fonts (Fontsource's variable Noto Sans and Noto Serif, upright and italic),
// so every Vietnamese letter and tone mark is drawn alike on Windows, macOS and Linux. The
// webview loads them from the app (CSP font-src 'self'): the parts Vietnamese text uses before
// the first paint (fonts.ts), any other script's part when the page has a character in it.
import "@fontsource-variable/noto-sans/wght.css";
import "@fontsource-variable/noto-sans/wght-italic.css";
import "@fontsource-variable/noto-serif/wght.css";
import "@fontsource-variable/noto-serif/wght-italic.css";
import "./app/app.css";
import { loadFonts } from "./app/fonts";
import { restoreZoom } from "./app/zoom";

// The remembered text zoom applies before the first paint, so the window never jumps.
restoreZoom();
await loadFonts();

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");
mount(App, { target });
