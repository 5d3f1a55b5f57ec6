import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The Parley server that `vite` (development) proxies to; `PARLEY_DEV_SERVER` overrides it. */
const devServer = process.env.PARLEY_DEV_SERVER ?? 'http://localhost:3000';

/**
 * Builds the web app into `dist/`, which the server serves at `/`. In development (`npm run dev -w
 * @parley/web`) Vite proxies the API and Socket.IO to a server on port 3000 (or `PARLEY_DEV_SERVER`).
 */
export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/api': devServer,
      '/socket.io': { target: devServer.replace(/^http/, 'ws'), ws: true },
    },
  },
});
