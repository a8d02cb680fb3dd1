import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the dashboard runs on Vite's server and the graph on the gateway
// (`pnpm start` or `./dev.sh start`); /graphql is proxied so the browser sees one origin,
// exactly as in production where the gateway serves both.
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, proxy: { '/graphql': gateway, '/reports': gateway, '/evidence': gateway } },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 2500,
  },
});
