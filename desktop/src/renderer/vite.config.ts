import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * The renderer's build, used as is by electron-vite (`renderer:`) and by plain vite for the
 * web-mode-only build (`npm run build:renderer`), so both produce the same `out/renderer`.
 */
export const rendererConfig = {
  root: here('.'),
  // Relative asset URLs: Electron loads the page from file://, web mode from the server's root.
  base: './',
  plugins: [react()],
  resolve: {
    // The renderer bundles shared from its sources, like the tests do, never a stale build.
    alias: { '@vantage/shared': here('../../../shared/src/index.ts') },
  },
  build: {
    outDir: here('../../out/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    // electron-vite leaves output unminified unless told; the page loads faster minified in both shells.
    minify: true,
    cssMinify: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: here('index.html') },
  },
} satisfies UserConfig;

export default rendererConfig;
