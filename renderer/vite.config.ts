import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative asset paths: Electron loads the page from file://, the web host from its root.
  base: './',
  plugins: [react()],
  // The preview plays flows with the player's source, the very code customers ship; the canvas draws
  // them with its editor entry. Exact names: the renderer reaches the player only through these two.
  resolve: {
    alias: [
      { find: /^@stepwise\/player$/, replacement: fileURLToPath(new URL('../player/src/index.ts', import.meta.url)) },
      { find: /^@stepwise\/player\/editor$/, replacement: fileURLToPath(new URL('../player/src/editorPreview.ts', import.meta.url)) },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome120',
  },
});
