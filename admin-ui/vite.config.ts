import { defineConfig } from 'vitest/config';

// No React plugin: esbuild compiles the JSX with the automatic runtime.
export default defineConfig({
  base: '/admin/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      // the libraries' "use client" markers mean nothing outside server rendering
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  test: {
    environment: 'node',
    // the live check runs when AdminUiTest hands it the server's schema (CORES_SCHEMA_FILE)
    include: process.env.CORES_SCHEMA_FILE ? ['src/**/*.live.test.ts'] : ['src/**/*.test.ts'],
    exclude: process.env.CORES_SCHEMA_FILE ? [] : ['src/**/*.live.test.ts', 'node_modules/**'],
  },
});
