import { mount } from "svelte";
import App from "./app/App.svelte";
import "./app/app.css";
import { restoreZoom } from "./app/zoom";

// The remembered text zoom applies before the first paint, so the window never jumps.
restoreZoom();

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");
mount(App, { target });
