/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Builds into the host's web root; the host serves index.html for the UI's own routes.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../Deliberation.Host/wwwroot',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:5080', '/t': 'http://127.0.0.1:5080' },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
