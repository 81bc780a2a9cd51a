/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

// The app shell is precached by our own service worker (src/sw/sw.ts, injectManifest), so the app opens with no
// network. The manifest is generated here; it is precached by the plugin itself (do not glob it: docs/stack.md,
// "Service worker").
export default defineConfig({
  plugins: [
    preact(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png}'],
        // The manifest's screenshots are for install prompts and stores, not for working offline.
        globIgnores: ['screenshots/**'],
      },
      devOptions: { enabled: false },
      manifest: {
        // A stable identity for the installed app, whatever start_url becomes (issue 11).
        id: '/',
        name: 'An Sinh',
        short_name: 'An Sinh',
        description: 'Trợ giúp xã hội — ghi nhận hộ gia đình, kể cả khi không có mạng',
        lang: 'vi',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: '#0f5132',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        // Taken from the app by bench/manifest-screenshots.ts (`npm run screenshots`), which reads this list.
        screenshots: [
          {
            src: '/screenshots/households-phone.png',
            sizes: '412x915',
            type: 'image/png',
            form_factor: 'narrow',
            label: 'Danh sách hộ trên điện thoại',
          },
          {
            src: '/screenshots/households-tablet.png',
            sizes: '1280x800',
            type: 'image/png',
            form_factor: 'wide',
            label: 'Danh sách hộ trên máy tính bảng',
          },
        ],
      },
    }),
  ],
  build: { target: 'es2022', sourcemap: true },
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // Vietnam has one time zone; pinning it keeps date formatting tests honest on any machine.
    env: { TZ: 'Asia/Ho_Chi_Minh' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'src/**/*.test.{ts,tsx}',
            'sync-server/**/*.test.ts',
            'tests/unit/**/*.test.ts',
            'tests/server/**/*.test.ts',
            'tests/scenarios/**/*.test.ts',
          ],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
