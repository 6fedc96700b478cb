import { build } from 'vite';
import { rendererConfig } from '../vite.config.js';

/**
 * Builds the renderer for production into `outDir` (not `out/renderer`, so a test never replaces
 * the build a developer is using), exactly as `npm run build:renderer` does.
 */
export async function buildRenderer(outDir: string): Promise<string> {
  // Under vitest NODE_ENV is `test`, which vite honours with React's development build: the page
  // under test must be the production build users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      ...rendererConfig,
      configFile: false,
      logLevel: 'warn',
      mode: 'production',
      build: { ...rendererConfig.build, outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}
