import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative asset paths: Electron loads the page from file://, the web host from its root.
  base: './',
  plugins: [react()],
  // The preview plays flows with the player's source, the very code customers ship.
  resolve: { alias: { '@stepwise/player': fileURLToPath(new URL('../player/src/index.ts', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome120',
  },
});
