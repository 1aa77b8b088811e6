// Builds the bench's bare-stack reference page (bench/bare) with the kiosk's build settings and a precaching service
// worker, so its offline cold start is measured the same way as the kiosk's. Output: dist-bench/bare.
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  root: 'bench/bare',
  plugins: [
    preact(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      workbox: { globPatterns: ['**/*.{js,css,html}'], navigateFallback: '/index.html' },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    outDir: '../../dist-bench/bare',
    emptyOutDir: true,
    manifest: true,
  },
});
