import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'

// BASE_PATH lets an instance host the built client under a sub-path, e.g. BASE_PATH=/client/.
const base = process.env.BASE_PATH ?? '/'

// Builds get the messages precompiled and vue-i18n without its message compiler (smaller,
// and no compiling at run time); tests keep the full build, which reads the JSON as it is.
const testing = process.env.VITEST !== undefined
const i18nPlugins = testing
  ? []
  : [
      VueI18nPlugin({
        include: [fileURLToPath(new URL('./src/i18n/*.json', import.meta.url))],
        runtimeOnly: true,
        compositionOnly: true,
        fullInstall: false,
        dropMessageCompiler: true,
      }),
    ]

export default defineConfig({
  base,
  plugins: [vue(), ...i18nPlugins],
  // Composition API only, no devtools hooks in production (smaller bundle). vue-i18n's
  // components are imported where used (I18nT), not installed globally.
  define: {
    __VUE_OPTIONS_API__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
    __VUE_I18N_LEGACY_API__: false,
    __VUE_I18N_FULL_INSTALL__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  preview: {
    port: Number(process.env.APP_PORT ?? 4173),
    strictPort: true,
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['tests/unit/**/*.test.ts'],
          // Component tests mount real trees in jsdom; a loaded CI machine needs headroom.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'mock-instance',
          environment: 'node',
          include: ['tests/mock-instance/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
})
