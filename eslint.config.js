// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'

// The layers of src/ and the one direction of imports (docs/ARCHITECTURE.md):
//   views -> components -> composables -> stores -> compose, timeline -> api -> content
// Each layer names the folders its files may not import, whether by alias (`@/stores/x`)
// or by a relative path that climbs into them (`../stores/x`). `npm test` lints, so a
// wrong-way import fails the build; tests/unit/layers.test.ts proves the rule bites.
const LAYERS = [
  { files: ['src/content/**'], forbidden: ['views', 'components', 'composables', 'stores', 'compose', 'timeline', 'api', 'router', 'i18n'], why: 'src/content is pure: remote HTML in, VNodes out' },
  { files: ['src/i18n/**', 'src/styles/**', 'src/config.ts'], forbidden: ['views', 'components', 'composables', 'stores', 'compose', 'timeline', 'api', 'router', 'content'], why: 'leaf modules import no other layer' },
  { files: ['src/api/**'], forbidden: ['views', 'components', 'composables', 'stores', 'compose', 'timeline', 'router'], plain: true, why: 'network code knows no state, behaviour or screen' },
  { files: ['src/compose/**', 'src/timeline/**'], forbidden: ['views', 'components', 'composables', 'stores', 'router'], plain: true, why: 'domain logic is plain TypeScript below the stores' },
  { files: ['src/stores/**'], forbidden: ['views', 'components', 'composables', 'router'], why: 'state never needs a behaviour or a screen' },
  { files: ['src/composables/**'], forbidden: ['views', 'components', 'router'], why: 'behaviour never needs a screen' },
  { files: ['src/components/**'], forbidden: ['views', 'router'], why: 'views use components, not the other way' },
  { files: ['src/main.ts'], forbidden: ['views', 'components'], why: 'the entry reaches screens only through the router' },
]

const layerRules = LAYERS.map(({ files, forbidden, plain, why }) => {
  const patterns = [
    {
      regex: `^(@/|\\./|(\\.\\./)+)(${forbidden.join('|')})([/.]|$)`,
      message: `Wrong-way import: ${why}. ${files.join(', ')} may not import ${forbidden.join(', ')}.`,
    },
  ]
  if (plain) patterns.push({ regex: '\\.vue$', message: `No components here: ${why}.` })
  // import() is not an import declaration; the same folders are refused there too.
  const lazy = patterns.map(({ regex, message }) => ({
    selector: `ImportExpression > Literal.source[value=/${regex.replaceAll('/', '\\/')}/]`,
    message,
  }))
  return { files, rules: { 'no-restricted-imports': ['error', { patterns }], 'no-restricted-syntax': ['error', ...lazy] } }
})

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.browser },
    },
    rules: {
      // Remote HTML only reaches the DOM through src/content/; v-html of anything is a review stop.
      'vue/no-v-html': 'error',
      'vue/multi-word-component-names': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  ...layerRules,
  {
    files: ['tests/mock-instance/**', 'tests/e2e/**', '*.config.*', '.ci/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Playwright fixtures declare "no dependencies" with an empty destructuring pattern.
    files: ['tests/e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
)
