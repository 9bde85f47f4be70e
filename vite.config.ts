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
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // The modules only the deck and the panel views beside it share (column specs
              // and sources, live events, the stored deck, the entity store, account lookup,
              // the deck's breakpoint, media URL checks, API errors and their message, who a
              // view acts as, relative times; not a hashtag's week, which only its view
              // needs) in one chunk: as separate small chunks, each would cost a request and
              // more bytes than it holds, and each new panel view would split them anew.
              name: 'deck-shared',
              // Only these modules: what they import stays where it is (vue in the entry).
              includeDependenciesRecursively: false,
              test: /[\\/]src[\\/](timeline[\\/](?!tag-history)|stores[\\/](deck-storage|entities)\.ts|api[\\/]account-lookup\.ts|styles[\\/]breakpoints\.ts|components[\\/]media[\\/]safe-media-url\.ts|api[\\/](errors|trends)\.ts|composables[\\/](useViewAccount|useRelativeTime)\.ts|components[\\/]common[\\/]ApiErrorMessage\.vue)/,
            },
          ],
        },
      },
    },
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
