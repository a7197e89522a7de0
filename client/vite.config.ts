import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development `npm run dev -w client` serves on :5173 and forwards /api to the server on :3000.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://localhost:3000' } },
  build: { outDir: 'dist', sourcemap: true },
});
