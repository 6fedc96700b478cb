import { defineConfig } from 'electron-vite';
import { rendererConfig } from './src/renderer/vite.config.js';

// Three targets, one config: the main process and the preload are built for Electron; the
// renderer's config is shared with the plain-vite web build (see src/renderer/vite.config.ts).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: 'src/main/index.ts' } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require packages: bundle the contract (and zod) into it, as CJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: 'src/preload/index.ts' },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
});
