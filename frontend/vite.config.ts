import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The built SPA is served from the same origin as the API (`/api`) and `/config.json`:
// by the local stack on http://127.0.0.1:3000 and by CloudFront in AWS. For `npm run dev`
// the dev server forwards both to a running local stack (override with FINPULSE_DEV_BACKEND).
const backend = process.env.FINPULSE_DEV_BACKEND ?? "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    host: "127.0.0.1",
    port: 5173,
    strictPort: true,
    proxy: {
      "/api": { target: backend, changeOrigin: true },
      "/config.json": { target: backend, changeOrigin: true },
    },
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setup.ts"],
    // Upper bounds, not delays: a shared 2-core machine under load takes seconds to import a lazy
    // screen, and a test that passes in 50 ms still passes in 50 ms.
    testTimeout: 20_000,
    restoreMocks: true,
    clearMocks: true,
  },
});
