/** Jest runs in ESM mode: @actions/core 3, p-limit and p-retry are ESM-only. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  globalSetup: '<rootDir>/test/tmp-setup.mjs',
  globalTeardown: '<rootDir>/test/tmp-teardown.mjs',
  maxWorkers: 2,
  testTimeout: 60000,
};
