import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [reactRouter()],
  build: { sourcemap: false },
  ssr: {
    // Server-only packages stay external: the Hono server owns the one copy.
    external: ['@electric-sql/pglite', 'pg', 'pg-boss', '@node-rs/argon2', 'nodemailer'],
  },
});
