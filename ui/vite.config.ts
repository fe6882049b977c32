import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { fileURLToPath } from "node:url";

// The UI is built into ui/dist, which the desktop shell embeds (tauri.conf.json frontendDist).
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [svelte()],
  clearScreen: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Safari 17 (macOS 14) is the oldest WebKit with the popover API the overlays use;
    // WebView2 and Debian's WebKitGTK are newer.
    target: "safari17",
    // Script files only (the entry and the chunks loaded after the list paints), no inline
    // modules, so the strict CSP (script-src 'self') holds.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // A desktop app loads its scripts from disk; CodeMirror alone is most of the editor's chunk.
    chunkSizeWarningLimit: 1024,
  },
});
